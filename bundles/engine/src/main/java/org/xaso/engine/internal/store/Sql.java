package org.xaso.engine.internal.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.xaso.api.register.FieldType;
import org.xaso.engine.internal.schema.SchemaManager;

/** A SQL text with its typed parameters. */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql append(String s) {
        text.append(s);
        return this;
    }

    public Sql param(Object v) {
        params.add(v);
        text.append('?');
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> params() {
        return params;
    }

    public PreparedStatement prepare(java.sql.Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        bind(ps, 1, params);
        return ps;
    }

    public static void bind(PreparedStatement ps, int start, List<Object> values) throws SQLException {
        int i = start;
        for (Object v : values) {
            bind(ps, i++, v);
        }
    }

    public static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(i, d);
        } else if (v instanceof LocalDate d) {
            ps.setDate(i, Date.valueOf(d));
        } else if (v instanceof Instant t) {
            ps.setTimestamp(i, SchemaManager.utc(t));
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else {
            throw new IllegalArgumentException("cannot bind " + v.getClass().getName());
        }
    }

    /** Binds a typed field value, using the column's SQL type for nulls. */
    public static void bindField(PreparedStatement ps, int i, FieldType type, Object v) throws SQLException {
        if (v != null) {
            bind(ps, i, v);
            return;
        }
        ps.setNull(i, switch (type) {
            case INTEGER, MONEY -> Types.BIGINT;
            case DECIMAL, AREA -> Types.DECIMAL;
            case DATE -> Types.DATE;
            case DATE_TIME -> Types.TIMESTAMP;
            case BOOLEAN -> Types.BOOLEAN;
            default -> Types.VARCHAR;
        });
    }

    /** Escapes LIKE wildcards; use with {@code ESCAPE '\'}. */
    public static String likeContains(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
