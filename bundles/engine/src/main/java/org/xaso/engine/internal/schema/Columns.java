package org.xaso.engine.internal.schema;

import java.util.Locale;
import java.util.zip.CRC32;

/** How register ids and field names become table, column and index names. Stable: changing it would lose data. */
public final class Columns {

    /** System columns every register table has. */
    public static final String ID = "ID";
    public static final String COMMUNE = "COMMUNE_CODE";
    public static final String VERSION = "ROW_VERSION";
    public static final String CREATED_AT = "CREATED_AT";
    public static final String CREATED_BY = "CREATED_BY";
    public static final String UPDATED_AT = "UPDATED_AT";
    public static final String UPDATED_BY = "UPDATED_BY";
    public static final String SOURCE = "DATA_SOURCE";
    public static final String SYNCED_AT = "SYNCED_AT";
    public static final String DELETED = "IS_DELETED";
    public static final String DELETED_AT = "DELETED_AT";
    public static final String DELETED_BY = "DELETED_BY";
    public static final String DELETE_REASON = "DELETE_REASON";
    public static final String NATURAL_KEY = "NATURAL_KEY";
    public static final String SEARCH_TEXT = "SEARCH_TEXT";

    private Columns() {
    }

    /** {@code farming-household} → {@code REG_FARMING_HOUSEHOLD}. */
    public static String table(String registerId) {
        return "REG_" + registerId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code headName} → {@code F_HEAD_NAME}. */
    public static String field(String fieldName) {
        StringBuilder sb = new StringBuilder("F_");
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    /** The folded copy of a text field used for diacritic-insensitive search: {@code F_HEAD_NAME_K}. */
    public static String folded(String fieldName) {
        return field(fieldName) + "_K";
    }

    /** An index name short enough for PostgreSQL (63) and unique per table and columns. */
    public static String index(String table, String... columns) {
        CRC32 crc = new CRC32();
        crc.update(table.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (String c : columns) {
            crc.update('.');
            crc.update(c.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        String t = table.length() > 24 ? table.substring(0, 24) : table;
        String c = columns[0].length() > 24 ? columns[0].substring(0, 24) : columns[0];
        return "IX_" + t + "_" + c + "_" + Long.toHexString(crc.getValue()).toUpperCase(Locale.ROOT);
    }

    /** The unique constraint on (commune, natural key). */
    public static String naturalKeyConstraint(String table) {
        return index(table, COMMUNE, NATURAL_KEY).replaceFirst("^IX_", "UQ_");
    }
}
