package org.xaso.engine.internal.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and migrates tables. The engine's own tables follow numbered migrations recorded in
 * {@code XASO_SCHEMA_HISTORY}; register tables follow their descriptors: a new register gets a table, a new field gets
 * a column, a longer text gets a wider column. Nothing is ever dropped or narrowed; a change that would lose data is
 * refused with a message naming the register, field and columns.
 */
public final class SchemaManager {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    /** One numbered step of the engine's own schema. */
    private record Migration(int version, String description, List<String> statements) {
    }

    private final Dialect dialect;

    public SchemaManager(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    private List<Migration> migrations() {
        String ts = "TIMESTAMP";
        List<Migration> list = new ArrayList<>();
        list.add(new Migration(1, "register schemas, audit, record history, import journal", List.of(
                "CREATE TABLE XASO_REGISTER_SCHEMA (REGISTER_ID VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " TABLE_NAME VARCHAR(64) NOT NULL, DESCRIPTOR_SHA256 VARCHAR(64) NOT NULL,"
                        + " BUNDLE VARCHAR(200), FIRST_DEPLOYED_AT " + ts + " NOT NULL,"
                        + " LAST_DEPLOYED_AT " + ts + " NOT NULL, LAST_CHANGED_AT " + ts + " NOT NULL)",
                "CREATE TABLE XASO_AUDIT (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " OCCURRED_AT " + ts + " NOT NULL, ACTOR VARCHAR(128) NOT NULL, CHANNEL VARCHAR(32) NOT NULL,"
                        + " PURPOSE VARCHAR(200), REQUEST_ID VARCHAR(64), REMOTE_ADDRESS VARCHAR(64),"
                        + " OPERATION VARCHAR(32) NOT NULL, REGISTER_ID VARCHAR(64), COMMUNE_CODE VARCHAR(8),"
                        + " RECORD_ID VARCHAR(36), RECORD_VERSION BIGINT, DETAIL VARCHAR(2000))",
                "CREATE INDEX IX_XASO_AUDIT_RECORD ON XASO_AUDIT (RECORD_ID)",
                "CREATE INDEX IX_XASO_AUDIT_OCCURRED ON XASO_AUDIT (OCCURRED_AT)",
                "CREATE TABLE XASO_RECORD_HISTORY (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " REGISTER_ID VARCHAR(64) NOT NULL, RECORD_ID VARCHAR(36) NOT NULL,"
                        + " RECORD_VERSION BIGINT NOT NULL, COMMUNE_CODE VARCHAR(8) NOT NULL,"
                        + " REPLACED_AT " + ts + " NOT NULL, REPLACED_BY VARCHAR(128) NOT NULL,"
                        + " OPERATION VARCHAR(16) NOT NULL, DATA " + dialect.unboundedText() + " NOT NULL)",
                "CREATE INDEX IX_XASO_HISTORY_RECORD ON XASO_RECORD_HISTORY (RECORD_ID, RECORD_VERSION)",
                "CREATE TABLE XASO_IMPORT_JOURNAL (ID VARCHAR(36) NOT NULL PRIMARY KEY,"
                        + " REGISTER_ID VARCHAR(64) NOT NULL, COMMUNE_CODE VARCHAR(8) NOT NULL,"
                        + " FILE_NAME VARCHAR(255) NOT NULL, SHA256 VARCHAR(64), ACTOR VARCHAR(128) NOT NULL,"
                        + " CHANNEL VARCHAR(32) NOT NULL, STARTED_AT " + ts + " NOT NULL, FINISHED_AT " + ts + ","
                        + " IMPORT_MODE VARCHAR(20) NOT NULL, ROWS_READ INTEGER, ROWS_CREATED INTEGER,"
                        + " ROWS_UPDATED INTEGER, ROWS_UNCHANGED INTEGER, ROWS_REJECTED INTEGER, COMMITTED BOOLEAN)",
                "CREATE INDEX IX_XASO_IMPORT_SHA ON XASO_IMPORT_JOURNAL (SHA256)")));
        list.add(new Migration(2, "code values added or changed at run time", List.of(
                "CREATE TABLE XASO_CODE_VALUE (LIST_ID VARCHAR(64) NOT NULL, CODE VARCHAR(32) NOT NULL,"
                        + " LABEL_VI VARCHAR(255) NOT NULL, LABEL_EN VARCHAR(255), ACTIVE BOOLEAN NOT NULL,"
                        + " SHIPPED BOOLEAN NOT NULL, CHANGED_AT " + ts + " NOT NULL, CHANGED_BY VARCHAR(128) NOT NULL,"
                        + " REASON VARCHAR(500), PRIMARY KEY (LIST_ID, CODE))")));
        return list;
    }

    /** Applies the engine's migrations not applied yet, each in its own transaction. */
    public void migrateSystemTables(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (!tableExists(c, "XASO_SCHEMA_HISTORY")) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE TABLE XASO_SCHEMA_HISTORY (SCHEMA_VERSION INTEGER NOT NULL PRIMARY KEY,"
                            + " DESCRIPTION VARCHAR(200) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL)");
                }
                c.commit();
            }
            Set<Integer> applied = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SCHEMA_VERSION FROM XASO_SCHEMA_HISTORY")) {
                while (rs.next()) {
                    applied.add(rs.getInt(1));
                }
            }
            for (Migration m : migrations()) {
                if (applied.contains(m.version())) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.executeUpdate(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO XASO_SCHEMA_HISTORY (SCHEMA_VERSION, DESCRIPTION, APPLIED_AT) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setTimestamp(3, utc(Instant.now()));
                    ps.executeUpdate();
                }
                c.commit();
                LOG.info("Xã Số schema migration {} applied: {}", m.version(), m.description());
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** What {@link #ensureRegisterTable} did. */
    public record Outcome(boolean created, List<String> addedColumns, List<String> widenedColumns,
                          boolean descriptorChanged) {
        /** Derived columns (folded copies, search text, natural key) must be recomputed for stored rows. */
        public boolean needsReindex() {
            return !created && descriptorChanged;
        }
    }

    /**
     * Creates the register's table, or brings an existing one up to the descriptor, in one transaction.
     *
     * @param descriptorSha256 fingerprint of the descriptor, to tell whether derived columns must be recomputed
     * @throws SchemaConflictException when a stored column cannot hold the field any more
     */
    public Outcome ensureRegisterTable(Connection c, RegisterTable t, String descriptorSha256, String bundle)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Outcome o;
            if (!tableExists(c, t.name())) {
                create(c, t);
                o = new Outcome(true, List.of(), List.of(), true);
            } else {
                o = extend(c, t);
            }
            ensureIndexes(c, t);
            boolean changed = recordDeployment(c, t, descriptorSha256, bundle);
            c.commit();
            return new Outcome(o.created(), o.addedColumns(), o.widenedColumns(), changed || o.created());
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private void create(Connection c, RegisterTable t) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (");
        for (String[] col : systemColumns()) {
            sql.append(col[0]).append(' ').append(col[1]).append(", ");
        }
        for (RegisterTable.FieldColumn fc : t.columns()) {
            sql.append(fc.column()).append(' ').append(fc.sqlType()).append(", ");
            if (fc.foldedColumn() != null) {
                sql.append(fc.foldedColumn()).append(' ').append(fc.sqlType()).append(", ");
            }
        }
        sql.append("PRIMARY KEY (").append(Columns.ID).append("))");
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql.toString());
            s.executeUpdate("ALTER TABLE " + t.name() + " ADD CONSTRAINT " + Columns.naturalKeyConstraint(t.name())
                    + " UNIQUE (" + Columns.COMMUNE + ", " + Columns.NATURAL_KEY + ")");
        }
        LOG.info("Register {}: table {} created with {} field columns", t.descriptor().id(), t.name(),
                t.descriptor().fields().size());
    }

    private List<String[]> systemColumns() {
        return List.of(
                new String[] {Columns.ID, "VARCHAR(36) NOT NULL"},
                new String[] {Columns.COMMUNE, "VARCHAR(8) NOT NULL"},
                new String[] {Columns.VERSION, "BIGINT NOT NULL"},
                new String[] {Columns.CREATED_AT, "TIMESTAMP NOT NULL"},
                new String[] {Columns.CREATED_BY, "VARCHAR(128) NOT NULL"},
                new String[] {Columns.UPDATED_AT, "TIMESTAMP NOT NULL"},
                new String[] {Columns.UPDATED_BY, "VARCHAR(128) NOT NULL"},
                new String[] {Columns.SOURCE, "VARCHAR(200)"},
                new String[] {Columns.SYNCED_AT, "TIMESTAMP"},
                new String[] {Columns.DELETED, "BOOLEAN DEFAULT FALSE NOT NULL"},
                new String[] {Columns.DELETED_AT, "TIMESTAMP"},
                new String[] {Columns.DELETED_BY, "VARCHAR(128)"},
                new String[] {Columns.DELETE_REASON, "VARCHAR(500)"},
                new String[] {Columns.NATURAL_KEY, "VARCHAR(1000)"},
                new String[] {Columns.SEARCH_TEXT, dialect.searchTextType()});
    }

    private record Existing(int sqlType, String typeName, int size, int scale) {
    }

    private Outcome extend(Connection c, RegisterTable t) throws SQLException {
        Map<String, Existing> existing = columnsOf(c, t.name());
        List<String> added = new ArrayList<>();
        List<String> widened = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        for (RegisterTable.FieldColumn fc : t.columns()) {
            List<String> names = new ArrayList<>();
            names.add(fc.column());
            if (fc.foldedColumn() != null) {
                names.add(fc.foldedColumn());
            }
            for (String col : names) {
                Existing ex = existing.get(col.toUpperCase(Locale.ROOT));
                if (ex == null) {
                    ddl.add("ALTER TABLE " + t.name() + " ADD COLUMN " + col + " " + fc.sqlType());
                    added.add(col);
                    continue;
                }
                checkCompatible(t, fc, col, ex);
                if (fc.varchar() && ex.size() < fc.length()) {
                    ddl.add(dialect.widenVarchar(t.name(), col, fc.length()));
                    widened.add(col + " " + ex.size() + "→" + fc.length());
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.executeUpdate(sql);
            }
        }
        if (!added.isEmpty() || !widened.isEmpty()) {
            LOG.info("Register {}: table {} extended; added {} widened {}", t.descriptor().id(), t.name(), added, widened);
        }
        return new Outcome(false, added, widened, false);
    }

    private void checkCompatible(RegisterTable t, RegisterTable.FieldColumn fc, String col, Existing ex) {
        String want = fc.sqlType();
        String have = ex.typeName().toUpperCase(Locale.ROOT);
        boolean ok;
        if (want.startsWith("VARCHAR")) {
            ok = have.contains("CHAR") || have.equals("TEXT");
        } else if (want.equals("BIGINT")) {
            ok = have.equals("BIGINT") || have.equals("INT8");
        } else if (want.startsWith("DECIMAL")) {
            int scale = Integer.parseInt(want.substring(want.indexOf(',') + 1, want.indexOf(')')));
            ok = (have.equals("DECIMAL") || have.equals("NUMERIC")) && ex.scale() >= scale;
        } else if (want.equals("DATE")) {
            ok = have.equals("DATE");
        } else if (want.equals("TIMESTAMP")) {
            ok = have.startsWith("TIMESTAMP");
        } else if (want.equals("BOOLEAN")) {
            ok = have.equals("BOOLEAN") || have.equals("BOOL");
        } else {
            ok = false;
        }
        if (!ok) {
            throw new SchemaConflictException("Register " + t.descriptor().id() + ": field '" + fc.field().name()
                    + "' is now " + fc.field().type().jsonName() + " (" + want + ") but column " + t.name() + "." + col
                    + " holds " + have + (ex.scale() > 0 ? " scale " + ex.scale() : "")
                    + "; changing it would lose data. Give the field a new name instead.");
        }
    }

    private Map<String, Existing> columnsOf(Connection c, String table) throws SQLException {
        Map<String, Existing> m = new HashMap<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(null, schema(c), dialect.identifier(table), null)) {
            while (rs.next()) {
                m.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), new Existing(rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")));
            }
        }
        return m;
    }

    private void ensureIndexes(Connection c, RegisterTable t) throws SQLException {
        Set<String> have = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, schema(c), dialect.identifier(t.name()), false, true)) {
            while (rs.next()) {
                String n = rs.getString("INDEX_NAME");
                if (n != null) {
                    have.add(n.toUpperCase(Locale.ROOT));
                }
            }
        }
        List<String[]> wanted = new ArrayList<>();
        wanted.add(new String[] {Columns.COMMUNE, Columns.DELETED});
        wanted.add(new String[] {Columns.COMMUNE, Columns.CREATED_AT});
        for (String col : t.indexedColumns()) {
            wanted.add(new String[] {Columns.COMMUNE, col});
        }
        try (Statement s = c.createStatement()) {
            for (String[] cols : wanted) {
                String name = Columns.index(t.name(), cols[cols.length - 1], cols[0]);
                if (!have.contains(name)) {
                    s.executeUpdate("CREATE INDEX " + name + " ON " + t.name() + " (" + String.join(", ", cols) + ")");
                }
            }
        }
    }

    /** Records this deployment; returns true when the descriptor differs from the one deployed before. */
    private boolean recordDeployment(Connection c, RegisterTable t, String sha, String bundle) throws SQLException {
        Timestamp now = utc(Instant.now());
        String old = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DESCRIPTOR_SHA256 FROM XASO_REGISTER_SCHEMA WHERE REGISTER_ID = ?")) {
            ps.setString(1, t.descriptor().id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    old = rs.getString(1);
                }
            }
        }
        if (old == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO XASO_REGISTER_SCHEMA (REGISTER_ID, TABLE_NAME,"
                    + " DESCRIPTOR_SHA256, BUNDLE, FIRST_DEPLOYED_AT, LAST_DEPLOYED_AT, LAST_CHANGED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.descriptor().id());
                ps.setString(2, t.name());
                ps.setString(3, sha);
                ps.setString(4, bundle);
                ps.setTimestamp(5, now);
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.executeUpdate();
            }
            return true;
        }
        boolean changed = !old.equals(sha);
        try (PreparedStatement ps = c.prepareStatement("UPDATE XASO_REGISTER_SCHEMA SET DESCRIPTOR_SHA256 = ?,"
                + " BUNDLE = ?, LAST_DEPLOYED_AT = ?" + (changed ? ", LAST_CHANGED_AT = ?" : "")
                + " WHERE REGISTER_ID = ?")) {
            ps.setString(1, sha);
            ps.setString(2, bundle);
            ps.setTimestamp(3, now);
            int i = 4;
            if (changed) {
                ps.setTimestamp(i++, now);
            }
            ps.setString(i, t.descriptor().id());
            ps.executeUpdate();
        }
        return changed;
    }

    public boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, schema(c), dialect.identifier(table), new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private String schema(Connection c) throws SQLException {
        String s = c.getSchema();
        return s == null ? null : dialect.identifier(s);
    }

    /** A UTC wall-clock timestamp, independent of the JVM's time zone. */
    public static Timestamp utc(Instant i) {
        return i == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
