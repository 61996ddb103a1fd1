package org.xaso.engine.internal.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;

/** A register's table: which column holds each field, with its SQL type. Derived from the descriptor alone. */
public final class RegisterTable {

    /** A field's column and, for searchable text, its folded copy. */
    public record FieldColumn(FieldDescriptor field, String column, String sqlType, String foldedColumn, int length) {
        public boolean varchar() {
            return sqlType.startsWith("VARCHAR");
        }
    }

    /** Default maximum lengths of string-typed fields. */
    public static int defaultLength(FieldType type) {
        return switch (type) {
            case TEXT -> 255;
            case LONG_TEXT -> 4000;
            case CODE, HAMLET -> 64;
            case CITIZEN_ID -> 12;
            case PHONE -> 16;
            case EMAIL -> 254;
            case REFERENCE -> 36;
            default -> 0;
        };
    }

    public static int defaultScale(FieldType type) {
        return type == FieldType.AREA || type == FieldType.DECIMAL ? 2 : 0;
    }

    private final RegisterDescriptor descriptor;
    private final String name;
    private final Map<String, FieldColumn> columns;
    private final List<FieldColumn> searchTextSources;

    public RegisterTable(RegisterDescriptor descriptor, Dialect dialect) {
        this.descriptor = descriptor;
        this.name = Columns.table(descriptor.id());
        Map<String, FieldColumn> m = new LinkedHashMap<>();
        List<FieldColumn> text = new ArrayList<>();
        for (FieldDescriptor f : descriptor.fields()) {
            int len = lengthOf(f);
            String type = sqlType(f, len, dialect);
            String folded = f.searchable() && f.type().isFreeText() ? Columns.folded(f.name()) : null;
            FieldColumn fc = new FieldColumn(f, Columns.field(f.name()), type, folded, len);
            m.put(f.name(), fc);
            if (f.searchable() && (f.type().isFreeText() || f.type() == FieldType.CITIZEN_ID
                    || f.type() == FieldType.PHONE || f.type() == FieldType.EMAIL)) {
                text.add(fc);
            }
        }
        this.columns = Collections.unmodifiableMap(m);
        this.searchTextSources = List.copyOf(text);
    }

    private static int lengthOf(FieldDescriptor f) {
        int def = defaultLength(f.type());
        if (def == 0) {
            return 0;
        }
        if (f.maxLength() != null && (f.type().isFreeText())) {
            return f.maxLength();
        }
        return def;
    }

    static String sqlType(FieldDescriptor f, int len, Dialect dialect) {
        return switch (f.type()) {
            case TEXT, LONG_TEXT, CODE, HAMLET, CITIZEN_ID, PHONE, EMAIL, REFERENCE ->
                    "VARCHAR(" + Math.min(len, dialect.maxVarchar()) + ")";
            case INTEGER, MONEY -> "BIGINT";
            case DECIMAL, AREA -> "DECIMAL(19," + (f.scale() == null ? defaultScale(f.type()) : f.scale()) + ")";
            case DATE -> "DATE";
            case DATE_TIME -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    public RegisterDescriptor descriptor() {
        return descriptor;
    }

    public String name() {
        return name;
    }

    public FieldColumn column(String field) {
        return columns.get(field);
    }

    public Iterable<FieldColumn> columns() {
        return columns.values();
    }

    /** Fields whose folded values make up the record's search text (for the {@code q} parameter). */
    public List<FieldColumn> searchTextSources() {
        return searchTextSources;
    }

    /** Columns that deserve an index: searchable fields (their folded copy for free text) and dimensions. */
    public List<String> indexedColumns() {
        List<String> out = new ArrayList<>();
        for (FieldColumn c : columns.values()) {
            FieldDescriptor f = c.field();
            if (f.type() == FieldType.LONG_TEXT) {
                continue;
            }
            if (c.foldedColumn() != null) {
                out.add(c.foldedColumn());
            } else if (f.searchable() || f.dimension()) {
                out.add(c.column());
            }
        }
        return out;
    }
}
