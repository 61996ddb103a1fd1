package org.xaso.engine.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.xaso.api.context.CallerContext;
import org.xaso.api.record.Filter;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.Sort;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.record.StatsResult;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.engine.internal.schema.Columns;
import org.xaso.engine.internal.schema.Dialect;
import org.xaso.engine.internal.schema.RegisterTable;
import org.xaso.engine.internal.schema.RegisterTable.FieldColumn;
import org.xaso.engine.internal.schema.SchemaManager;
import org.xaso.engine.internal.text.VietnameseText;

/**
 * JDBC access to register tables, the audit log and record history. Callers own the connection and the transaction;
 * nothing here commits.
 */
public final class RecordRepository {

    /** Most groups a statistics query returns. */
    public static final int MAX_GROUPS = 10_000;

    private static final String SYSTEM_COLUMNS = String.join(", ", Columns.ID, Columns.COMMUNE, Columns.VERSION,
            Columns.CREATED_AT, Columns.CREATED_BY, Columns.UPDATED_AT, Columns.UPDATED_BY, Columns.SOURCE,
            Columns.SYNCED_AT, Columns.DELETED, Columns.DELETED_AT, Columns.DELETED_BY, Columns.DELETE_REASON);

    private final Dialect dialect;
    private final ObjectMapper json = new ObjectMapper();
    private final int searchTextMax;

    public RecordRepository(Dialect dialect) {
        this.dialect = dialect;
        this.searchTextMax = dialect == Dialect.DERBY ? 8000 : 100_000;
    }

    public Dialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- derived values

    /** The natural key of a record: its key fields' values, folded, joined; null when the register has none. */
    public static String naturalKey(RegisterTable t, Map<String, Object> data) {
        List<String> keys = t.descriptor().naturalKey();
        if (keys.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            Object v = data.get(k);
            if (v == null) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(v instanceof String s ? VietnameseText.fold(s) : canonical(v));
        }
        return sb.length() > 1000 ? sb.substring(0, 1000) : sb.toString();
    }

    /** The folded text the {@code q} parameter searches. */
    public String searchText(RegisterTable t, Map<String, Object> data) {
        StringBuilder sb = new StringBuilder();
        for (FieldColumn fc : t.searchTextSources()) {
            Object v = data.get(fc.field().name());
            if (v != null) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(VietnameseText.fold(v.toString()));
            }
        }
        return sb.length() > searchTextMax ? sb.substring(0, searchTextMax) : sb.toString();
    }

    private static String canonical(Object v) {
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }

    // ---------------------------------------------------------------- writes

    private static String insertSql(RegisterTable t) {
        List<String> cols = new ArrayList<>(List.of(Columns.ID, Columns.COMMUNE, Columns.VERSION, Columns.CREATED_AT,
                Columns.CREATED_BY, Columns.UPDATED_AT, Columns.UPDATED_BY, Columns.SOURCE, Columns.SYNCED_AT,
                Columns.DELETED, Columns.NATURAL_KEY, Columns.SEARCH_TEXT));
        for (FieldColumn fc : t.columns()) {
            cols.add(fc.column());
            if (fc.foldedColumn() != null) {
                cols.add(fc.foldedColumn());
            }
        }
        return "INSERT INTO " + t.name() + " (" + String.join(", ", cols) + ") VALUES ("
                + "?, ".repeat(cols.size() - 1) + "?)";
    }

    private void bindInsert(PreparedStatement ps, RegisterTable t, String commune, UUID id, Map<String, Object> data,
                            CallerContext ctx, Instant now, Instant syncedAt) throws SQLException {
        int i = 1;
        ps.setString(i++, id.toString());
        ps.setString(i++, commune);
        ps.setLong(i++, 1L);
        ps.setTimestamp(i++, SchemaManager.utc(now));
        ps.setString(i++, ctx.user());
        ps.setTimestamp(i++, SchemaManager.utc(now));
        ps.setString(i++, ctx.user());
        ps.setString(i++, ctx.source());
        ps.setTimestamp(i++, SchemaManager.utc(syncedAt));
        ps.setBoolean(i++, false);
        ps.setString(i++, naturalKey(t, data));
        ps.setString(i++, searchText(t, data));
        bindFields(ps, i, t, data);
    }

    /**
     * @param syncedAt when the data was read from its source authority (registers fed by another database), or null
     */
    public RegisterRecord insert(Connection c, Deployed d, String commune, UUID id, Map<String, Object> data,
                                 CallerContext ctx, Instant now, Instant syncedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(d.table()))) {
            bindInsert(ps, d.table(), commune, id, data, ctx, now, syncedAt);
            ps.executeUpdate();
        }
        RegisterRecord.Builder b = RegisterRecord.builder().id(id).registerId(d.id()).communeCode(commune).version(1)
                .created(now, ctx.user()).updated(now, ctx.user()).source(ctx.source()).syncedAt(syncedAt);
        data.forEach(b::put);
        return b.build();
    }

    /** A prepared batch of inserts into one register table (bulk imports). */
    public final class Batch implements AutoCloseable {
        private final PreparedStatement ps;
        private final Deployed d;
        private int pending;

        Batch(Connection c, Deployed d) throws SQLException {
            this.ps = c.prepareStatement(insertSql(d.table()));
            this.d = d;
        }

        public void add(String commune, UUID id, Map<String, Object> data, CallerContext ctx, Instant now,
                        Instant syncedAt) throws SQLException {
            bindInsert(ps, d.table(), commune, id, data, ctx, now, syncedAt);
            ps.addBatch();
            pending++;
        }

        public int pending() {
            return pending;
        }

        public void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    public Batch batch(Connection c, Deployed d) throws SQLException {
        return new Batch(c, d);
    }

    /** The live natural keys of a commune's records, with their ids. */
    public Map<String, UUID> naturalKeys(Connection c, Deployed d, String commune) throws SQLException {
        Map<String, UUID> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Columns.NATURAL_KEY + ", " + Columns.ID + " FROM "
                + d.table().name() + " WHERE " + Columns.COMMUNE + " = ? AND " + Columns.NATURAL_KEY + " IS NOT NULL")) {
            ps.setString(1, commune);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), UUID.fromString(rs.getString(2)));
                }
            }
        }
        return out;
    }

    private int bindFields(PreparedStatement ps, int i, RegisterTable t, Map<String, Object> data) throws SQLException {
        for (FieldColumn fc : t.columns()) {
            Object v = data.get(fc.field().name());
            Sql.bindField(ps, i++, fc.field().type(), v);
            if (fc.foldedColumn() != null) {
                Sql.bindField(ps, i++, FieldType.TEXT, v == null ? null : VietnameseText.fold(v.toString()));
            }
        }
        return i;
    }

    /** Replaces the field values when the stored version is the expected one; returns rows changed (0 or 1). */
    public int update(Connection c, Deployed d, String commune, UUID id, long expectedVersion,
                      Map<String, Object> data, CallerContext ctx, Instant now, Instant syncedAt) throws SQLException {
        RegisterTable t = d.table();
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.name()).append(" SET ")
                .append(Columns.VERSION).append(" = ").append(Columns.VERSION).append(" + 1, ")
                .append(Columns.UPDATED_AT).append(" = ?, ").append(Columns.UPDATED_BY).append(" = ?, ")
                .append(Columns.SOURCE).append(" = ?, ").append(Columns.NATURAL_KEY).append(" = ?, ")
                .append(Columns.SEARCH_TEXT).append(" = ?");
        if (syncedAt != null) {
            sql.append(", ").append(Columns.SYNCED_AT).append(" = ?");
        }
        for (FieldColumn fc : t.columns()) {
            sql.append(", ").append(fc.column()).append(" = ?");
            if (fc.foldedColumn() != null) {
                sql.append(", ").append(fc.foldedColumn()).append(" = ?");
            }
        }
        sql.append(" WHERE ").append(Columns.ID).append(" = ? AND ").append(Columns.COMMUNE).append(" = ? AND ")
                .append(Columns.VERSION).append(" = ? AND ").append(Columns.DELETED).append(" = FALSE");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setTimestamp(i++, SchemaManager.utc(now));
            ps.setString(i++, ctx.user());
            ps.setString(i++, ctx.source());
            ps.setString(i++, naturalKey(t, data));
            ps.setString(i++, searchText(t, data));
            if (syncedAt != null) {
                ps.setTimestamp(i++, SchemaManager.utc(syncedAt));
            }
            i = bindFields(ps, i, t, data);
            ps.setString(i++, id.toString());
            ps.setString(i++, commune);
            ps.setLong(i, expectedVersion);
            return ps.executeUpdate();
        }
    }

    /** Marks a record deleted; its natural key is released so the same key may be recorded again. */
    public int softDelete(Connection c, Deployed d, String commune, UUID id, long version, String reason,
                          CallerContext ctx, Instant now) throws SQLException {
        String sql = "UPDATE " + d.table().name() + " SET " + Columns.DELETED + " = TRUE, " + Columns.DELETED_AT
                + " = ?, " + Columns.DELETED_BY + " = ?, " + Columns.DELETE_REASON + " = ?, " + Columns.NATURAL_KEY
                + " = NULL, " + Columns.VERSION + " = " + Columns.VERSION + " + 1, " + Columns.UPDATED_AT + " = ?, "
                + Columns.UPDATED_BY + " = ? WHERE " + Columns.ID + " = ? AND " + Columns.COMMUNE + " = ? AND "
                + Columns.VERSION + " = ? AND " + Columns.DELETED + " = FALSE";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, SchemaManager.utc(now));
            ps.setString(2, ctx.user());
            ps.setString(3, reason);
            ps.setTimestamp(4, SchemaManager.utc(now));
            ps.setString(5, ctx.user());
            ps.setString(6, id.toString());
            ps.setString(7, commune);
            ps.setLong(8, version);
            return ps.executeUpdate();
        }
    }

    /** Records that a synchronisation found the record unchanged. */
    public void touchSynced(Connection c, Deployed d, UUID id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + d.table().name() + " SET " + Columns.SYNCED_AT
                + " = ? WHERE " + Columns.ID + " = ?")) {
            ps.setTimestamp(1, SchemaManager.utc(at));
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
    }

    /** Keeps the version being replaced, whole, so that nothing is ever lost. */
    public void history(Connection c, RegisterRecord old, String operation, CallerContext ctx, Instant now)
            throws SQLException {
        String snapshot;
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            old.data().forEach((k, v) -> m.put(k, v instanceof BigDecimal || v instanceof Long || v instanceof Boolean
                    ? v : v.toString()));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("data", m);
            doc.put("source", old.source());
            doc.put("updatedAt", String.valueOf(old.updatedAt()));
            doc.put("updatedBy", old.updatedBy());
            snapshot = json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise record history", e);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO XASO_RECORD_HISTORY (REGISTER_ID, RECORD_ID,"
                + " RECORD_VERSION, COMMUNE_CODE, REPLACED_AT, REPLACED_BY, OPERATION, DATA)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, old.registerId());
            ps.setString(2, old.id().toString());
            ps.setLong(3, old.version());
            ps.setString(4, old.communeCode());
            ps.setTimestamp(5, SchemaManager.utc(now));
            ps.setString(6, ctx.user());
            ps.setString(7, operation);
            ps.setString(8, snapshot);
            ps.executeUpdate();
        }
    }

    public void audit(Connection c, CallerContext ctx, String operation, String registerId, String commune,
                      UUID recordId, Long version, String detail, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO XASO_AUDIT (OCCURRED_AT, ACTOR, CHANNEL, PURPOSE,"
                + " REQUEST_ID, REMOTE_ADDRESS, OPERATION, REGISTER_ID, COMMUNE_CODE, RECORD_ID, RECORD_VERSION, DETAIL)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, SchemaManager.utc(now));
            ps.setString(2, trim(ctx.user(), 128));
            ps.setString(3, trim(ctx.channel(), 32));
            ps.setString(4, trim(ctx.purpose(), 200));
            ps.setString(5, trim(ctx.requestId(), 64));
            ps.setString(6, trim(ctx.remoteAddress(), 64));
            ps.setString(7, operation);
            ps.setString(8, registerId);
            ps.setString(9, commune);
            ps.setString(10, recordId == null ? null : recordId.toString());
            if (version == null) {
                ps.setNull(11, java.sql.Types.BIGINT);
            } else {
                ps.setLong(11, version);
            }
            ps.setString(12, trim(detail, 2000));
            ps.executeUpdate();
        }
    }

    private static String trim(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---------------------------------------------------------------- reads

    private String selectColumns(RegisterTable t) {
        StringBuilder sb = new StringBuilder(SYSTEM_COLUMNS);
        for (FieldColumn fc : t.columns()) {
            sb.append(", ").append(fc.column());
        }
        return sb.toString();
    }

    public Optional<RegisterRecord> find(Connection c, Deployed d, String commune, UUID id) throws SQLException {
        String sql = "SELECT " + selectColumns(d.table()) + " FROM " + d.table().name() + " WHERE " + Columns.ID
                + " = ? AND " + Columns.COMMUNE + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.toString());
            ps.setString(2, commune);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, d)) : Optional.empty();
            }
        }
    }

    public Optional<RegisterRecord> findByNaturalKey(Connection c, Deployed d, String commune, String key)
            throws SQLException {
        String sql = "SELECT " + selectColumns(d.table()) + " FROM " + d.table().name() + " WHERE " + Columns.COMMUNE
                + " = ? AND " + Columns.NATURAL_KEY + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, commune);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, d)) : Optional.empty();
            }
        }
    }

    /** Whether a live record with this id exists in the register for the commune. */
    public boolean exists(Connection c, String table, String commune, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + Columns.ID + " = ? AND "
                + Columns.COMMUNE + " = ? AND " + Columns.DELETED + " = FALSE")) {
            ps.setString(1, id);
            ps.setString(2, commune);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private RegisterRecord read(ResultSet rs, Deployed d) throws SQLException {
        RegisterRecord.Builder b = RegisterRecord.builder()
                .id(UUID.fromString(rs.getString(1)))
                .registerId(d.id())
                .communeCode(rs.getString(2))
                .version(rs.getLong(3))
                .created(SchemaManager.instant(rs.getTimestamp(4)), rs.getString(5))
                .updated(SchemaManager.instant(rs.getTimestamp(6)), rs.getString(7))
                .source(rs.getString(8))
                .syncedAt(SchemaManager.instant(rs.getTimestamp(9)))
                .deleted(rs.getBoolean(10), SchemaManager.instant(rs.getTimestamp(11)), rs.getString(12), rs.getString(13));
        int i = 14;
        for (FieldColumn fc : d.table().columns()) {
            b.put(fc.field().name(), value(rs, i++, fc.field().type()));
        }
        return b.build();
    }

    static Object value(ResultSet rs, int i, FieldType type) throws SQLException {
        switch (type) {
            case INTEGER, MONEY: {
                long l = rs.getLong(i);
                return rs.wasNull() ? null : l;
            }
            case DECIMAL, AREA: {
                BigDecimal d = rs.getBigDecimal(i);
                if (d == null) {
                    return null;
                }
                d = d.stripTrailingZeros();
                return d.scale() < 0 ? d.setScale(0) : d;
            }
            case DATE: {
                java.sql.Date d = rs.getDate(i);
                return d == null ? null : d.toLocalDate();
            }
            case DATE_TIME:
                return SchemaManager.instant(rs.getTimestamp(i));
            case BOOLEAN: {
                boolean b = rs.getBoolean(i);
                return rs.wasNull() ? null : b;
            }
            default:
                return rs.getString(i);
        }
    }

    /** Appends the WHERE clause of a search (commune, deletion, filters, free text) to {@code sql}. */
    void where(Sql sql, Deployed d, String commune, List<Filter> filters, String text, boolean includeDeleted) {
        RegisterTable t = d.table();
        sql.append(" WHERE ").append(Columns.COMMUNE).append(" = ").param(commune);
        if (!includeDeleted) {
            sql.append(" AND ").append(Columns.DELETED).append(" = FALSE");
        }
        for (Filter f : filters) {
            if (f.field().equals("source")) {
                in(sql, Columns.SOURCE, f.values());
                continue;
            }
            FieldColumn fc = t.column(f.field());
            switch (f.op()) {
                case EQ -> in(sql, fc.column(), f.values());
                case GE -> sql.append(" AND ").append(fc.column()).append(" >= ").param(f.value());
                case LE -> sql.append(" AND ").append(fc.column()).append(" <= ").param(f.value());
                case CONTAINS -> {
                    String col = fc.foldedColumn() != null ? fc.foldedColumn() : fc.column();
                    for (String w : VietnameseText.foldedWords(f.value().toString())) {
                        sql.append(" AND ").append(col).append(" LIKE ").param(Sql.likeContains(w)).append(" ESCAPE '\\'");
                    }
                }
            }
        }
        if (text != null) {
            for (String w : VietnameseText.foldedWords(text)) {
                sql.append(" AND ").append(Columns.SEARCH_TEXT).append(" LIKE ").param(Sql.likeContains(w))
                        .append(" ESCAPE '\\'");
            }
        }
    }

    private static void in(Sql sql, String column, List<Object> values) {
        if (values.size() == 1) {
            sql.append(" AND ").append(column).append(" = ").param(values.get(0));
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.param(values.get(i));
        }
        sql.append(")");
    }

    public Page<RegisterRecord> search(Connection c, Deployed d, String commune, RecordQuery q) throws SQLException {
        Sql count = new Sql().append("SELECT COUNT(*) FROM ").append(d.table().name());
        where(count, d, commune, q.filters(), q.text(), q.includeDeleted());
        long total;
        try (PreparedStatement ps = count.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        }
        List<RegisterRecord> items = new ArrayList<>();
        if (q.limit() > 0 && q.offset() < total) {
            Sql sql = new Sql().append("SELECT ").append(selectColumns(d.table())).append(" FROM ").append(d.table().name());
            where(sql, d, commune, q.filters(), q.text(), q.includeDeleted());
            sql.append(" ORDER BY ").append(orderBy(d.table(), q.sort()));
            sql.append(" OFFSET ").param(q.offset()).append(" ROWS FETCH NEXT ").param(q.limit()).append(" ROWS ONLY");
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs, d));
                }
            }
        }
        return new Page<>(items, total, q.limit(), q.offset());
    }

    /** Receives the records of a scan one by one. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(RegisterRecord r) throws java.io.IOException;
    }

    /**
     * Reads every record a query matches, in its order, handing them over one at a time (the driver fetches them in
     * chunks: nothing is collected in memory). The query's limit and offset are ignored.
     *
     * @return how many records were read
     */
    public long scan(Connection c, Deployed d, String commune, RecordQuery q, RecordSink sink)
            throws SQLException, java.io.IOException {
        Sql sql = new Sql().append("SELECT ").append(selectColumns(d.table())).append(" FROM ").append(d.table().name());
        where(sql, d, commune, q.filters(), q.text(), q.includeDeleted());
        sql.append(" ORDER BY ").append(orderBy(d.table(), q.sort()));
        long n = 0;
        try (PreparedStatement ps = sql.prepare(c)) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs, d));
                    n++;
                }
            }
        }
        return n;
    }

    private static String orderBy(RegisterTable t, List<Sort> sorts) {
        List<String> parts = new ArrayList<>();
        for (Sort s : sorts) {
            String col = switch (s.field()) {
                case "createdAt" -> Columns.CREATED_AT;
                case "updatedAt" -> Columns.UPDATED_AT;
                default -> {
                    FieldColumn fc = t.column(s.field());
                    yield fc.foldedColumn() != null ? fc.foldedColumn() : fc.column();
                }
            };
            parts.add(col + (s.descending() ? " DESC" : " ASC"));
        }
        if (sorts.isEmpty()) {
            parts.add(Columns.CREATED_AT + " DESC");
        }
        parts.add(Columns.ID);
        return String.join(", ", parts);
    }

    /**
     * @param labeler the Vietnamese label of a coded value (field, code → label), or null when none applies
     */
    public StatsResult stats(Connection c, Deployed d, String commune, StatsQuery q,
                             BiFunction<FieldDescriptor, String, String> labeler) throws SQLException {
        RegisterTable t = d.table();
        List<String> exprs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<StatsQuery.GroupBy> dims = new ArrayList<>();
        for (StatsQuery.GroupBy g : q.groupBy()) {
            FieldColumn fc = t.column(g.field());
            String col = fc.field().type() == FieldType.DATE_TIME ? dialect.plusHours(fc.column(), 7) : fc.column();
            switch (g.granularity()) {
                case VALUE -> exprs.add(fc.column());
                case YEAR -> exprs.add(dialect.year(col));
                case MONTH -> {
                    exprs.add(dialect.year(col));
                    exprs.add(dialect.month(col));
                }
            }
            keys.add(g.key());
            dims.add(g);
        }
        Sql sql = new Sql().append("SELECT ");
        for (String e : exprs) {
            sql.append(e).append(", ");
        }
        sql.append("COUNT(*)");
        for (StatsQuery.Measure m : q.measures()) {
            String col = t.column(m.field()).column();
            sql.append(", ").append(switch (m.function()) {
                case SUM -> "SUM(" + col + ")";
                case AVG -> dialect.average(col);
                case MIN -> "MIN(" + col + ")";
                case MAX -> "MAX(" + col + ")";
            });
        }
        sql.append(" FROM ").append(t.name());
        where(sql, d, commune, q.filters(), q.text(), false);
        if (!exprs.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", exprs));
            StringBuilder order = new StringBuilder();
            for (int i = 1; i <= exprs.size(); i++) {
                order.append(i > 1 ? ", " : "").append(i);
            }
            sql.append(" ORDER BY ").append(order.toString());
        }
        List<StatsResult.Row> rows = new ArrayList<>();
        long total = 0;
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rows.size() >= MAX_GROUPS) {
                    throw new SQLException("more than " + MAX_GROUPS + " groups");
                }
                Map<String, Object> k = new LinkedHashMap<>();
                Map<String, String> labels = new LinkedHashMap<>();
                int col = 1;
                for (StatsQuery.GroupBy g : dims) {
                    FieldColumn fc = t.column(g.field());
                    Object v;
                    switch (g.granularity()) {
                        case YEAR -> {
                            int y = rs.getInt(col++);
                            v = rs.wasNull() ? null : y;
                        }
                        case MONTH -> {
                            int y = rs.getInt(col++);
                            boolean nul = rs.wasNull();
                            int m = rs.getInt(col++);
                            v = nul ? null : String.format("%04d-%02d", y, m);
                        }
                        default -> v = value(rs, col++, fc.field().type());
                    }
                    k.put(g.key(), v instanceof LocalDate || v instanceof Instant ? v.toString() : v);
                    if (v != null && labeler != null && fc.field().type().isCoded()) {
                        String label = labeler.apply(fc.field(), v.toString());
                        if (label != null) {
                            labels.put(g.key(), label);
                        }
                    }
                }
                long n = rs.getLong(col++);
                total += n;
                Map<String, Number> values = new LinkedHashMap<>();
                for (StatsQuery.Measure m : q.measures()) {
                    Object v = rs.getObject(col++);
                    values.put(m.key(), v instanceof BigDecimal bd ? bd.stripTrailingZeros() : (Number) v);
                }
                rows.add(new StatsResult.Row(k, labels, n, values));
            }
        }
        List<String> measures = q.measures().stream().map(StatsQuery.Measure::key).toList();
        return new StatsResult(keys, measures, rows, total);
    }

    /** Recomputes folded copies, search text and natural keys of every stored row, after a descriptor change. */
    public int reindex(Connection c, Deployed d) throws SQLException {
        RegisterTable t = d.table();
        StringBuilder set = new StringBuilder(Columns.NATURAL_KEY + " = ?, " + Columns.SEARCH_TEXT + " = ?");
        for (FieldColumn fc : t.columns()) {
            if (fc.foldedColumn() != null) {
                set.append(", ").append(fc.foldedColumn()).append(" = ?");
            }
        }
        int n = 0;
        String select = "SELECT " + selectColumns(t) + " FROM " + t.name();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select);
             PreparedStatement up = c.prepareStatement("UPDATE " + t.name() + " SET " + set + " WHERE " + Columns.ID + " = ?")) {
            while (rs.next()) {
                RegisterRecord r = read(rs, d);
                int i = 1;
                up.setString(i++, r.deleted() ? null : naturalKey(t, r.data()));
                up.setString(i++, searchText(t, r.data()));
                for (FieldColumn fc : t.columns()) {
                    if (fc.foldedColumn() != null) {
                        Object v = r.data().get(fc.field().name());
                        up.setString(i++, v == null ? null : VietnameseText.fold(v.toString()));
                    }
                }
                up.setString(i, r.id().toString());
                up.addBatch();
                if (++n % 500 == 0) {
                    up.executeBatch();
                }
            }
            up.executeBatch();
        }
        return n;
    }

    /** The UTC timestamp helper for callers. */
    public static Timestamp ts(Instant i) {
        return SchemaManager.utc(i);
    }
}
