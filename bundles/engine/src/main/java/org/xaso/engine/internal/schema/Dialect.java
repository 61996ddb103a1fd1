package org.xaso.engine.internal.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few places where Derby (embedded default) and PostgreSQL (production) differ. Everything else the engine writes
 * is SQL both accept: VARCHAR, BIGINT, DECIMAL, DATE, TIMESTAMP, BOOLEAN, identity columns, OFFSET/FETCH.
 */
public enum Dialect {

    DERBY {
        @Override
        public String unboundedText() {
            return "CLOB";
        }

        @Override
        public String searchTextType() {
            return "VARCHAR(8000)";
        }

        @Override
        public int maxVarchar() {
            return 32672;
        }

        @Override
        public String year(String column) {
            return "YEAR(" + column + ")";
        }

        @Override
        public String month(String column) {
            return "MONTH(" + column + ")";
        }

        @Override
        public String average(String column) {
            return "AVG(CAST(" + column + " AS DOUBLE))";
        }

        @Override
        public String widenVarchar(String table, String column, int length) {
            return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR(" + length + ")";
        }

        @Override
        public boolean storesUpperCase() {
            return true;
        }

        @Override
        public String plusHours(String column, int hours) {
            return "{fn TIMESTAMPADD(SQL_TSI_HOUR, " + hours + ", " + column + ")}";
        }
    },

    POSTGRESQL {
        @Override
        public String unboundedText() {
            return "TEXT";
        }

        @Override
        public String searchTextType() {
            return "TEXT";
        }

        @Override
        public int maxVarchar() {
            return 10_485_760;
        }

        @Override
        public String year(String column) {
            return "CAST(EXTRACT(YEAR FROM " + column + ") AS INTEGER)";
        }

        @Override
        public String month(String column) {
            return "CAST(EXTRACT(MONTH FROM " + column + ") AS INTEGER)";
        }

        @Override
        public String average(String column) {
            return "AVG(CAST(" + column + " AS DOUBLE PRECISION))";
        }

        @Override
        public String widenVarchar(String table, String column, int length) {
            return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE VARCHAR(" + length + ")";
        }

        @Override
        public boolean storesUpperCase() {
            return false;
        }

        @Override
        public String plusHours(String column, int hours) {
            return "(" + column + " + INTERVAL '" + hours + " hours')";
        }
    };

    /** SQL expression shifting a timestamp column by whole hours (UTC wall time to Vietnam time: +7). */
    public abstract String plusHours(String column, int hours);

    /** Column type for text without a practical bound (record history snapshots). */
    public abstract String unboundedText();

    /** Column type of the folded search text of a record. */
    public abstract String searchTextType();

    public abstract int maxVarchar();

    /** SQL expression for the year of a date column. */
    public abstract String year(String column);

    /** SQL expression for the month (1-12) of a date column. */
    public abstract String month(String column);

    /** SQL expression averaging a numeric column in floating point. */
    public abstract String average(String column);

    /** DDL that makes a VARCHAR column longer. */
    public abstract String widenVarchar(String table, String column, int length);

    /** How the database folds unquoted identifiers in its metadata. */
    public abstract boolean storesUpperCase();

    public String identifier(String name) {
        return storesUpperCase() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    public static Dialect of(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return DERBY;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("Unsupported database '" + md.getDatabaseProductName()
                + "': Xã Số runs on Apache Derby (embedded default) or PostgreSQL");
    }
}
