package org.xaso.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.xaso.api.context.CallerContext;
import org.xaso.api.record.Filter;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.StatsQuery;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestUnits;

/**
 * Searches and group-bys over a million farming households: the engine's answer (query parsing apart: the query is
 * built as a caller would, then run, read and typed) against the raw SQL of the same query, each timed as the median
 * of repeated runs after a warm-up, in the same run on the same database.
 *
 * <pre>java -Xmx1g -cp ... org.xaso.bench.SearchBenchmark [records]</pre>
 */
public final class SearchBenchmark {

    private static final CallerContext OFFICER = CallerContext.builder().user("bench").channel("rest")
            .purpose("benchmark").allCommunes().build();
    private static final String COMMUNE = TestUnits.COMMUNE;
    private static final int WARM = 3;
    private static final int RUNS = 9;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("xaso-bench-search");
        DataSource ds = BenchSupport.database(dir);
        Engine engine = BenchSupport.engine(ds, Clock.systemUTC());
        String table = engine.require(BenchSupport.REGISTER).table().name();
        RawInserter raw = new RawInserter(engine.require(BenchSupport.REGISTER).table());
        long t0 = System.nanoTime();
        for (int from = 0; from < records; from += 50_000) {
            List<List<Object>> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(records, from + 50_000); i++) {
                chunk.add(raw.row(COMMUNE, BenchSupport.household(i)));
            }
            raw.insert(ds, chunk);
        }
        try (Connection c = ds.getConnection()) {
            if (BenchSupport.databaseName().startsWith("Derby")) {
                try (PreparedStatement ps = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
                    ps.setString(1, table);
                    ps.execute();
                }
            } else {
                c.createStatement().execute("ANALYZE " + table);
            }
        }
        System.out.printf("Xã Số search benchmark: %,d records of %s loaded in %.0f s, %s%n", records, BenchSupport.REGISTER,
                (System.nanoTime() - t0) / 1e9, BenchSupport.databaseName());
        System.out.printf("%-44s %12s %12s %7s%n", "query", "engine", "raw SQL", "ratio");

        String year = BenchSupport.databaseName().startsWith("Derby") ? "YEAR(F_REGISTERED_ON)"
                : "EXTRACT(YEAR FROM F_REGISTERED_ON)";
        String where = " FROM " + table + " WHERE COMMUNE_CODE = ? AND IS_DELETED = FALSE";
        List<Double> ratios = new ArrayList<>();

        ratios.add(compare("filter hamlet + kind, page of 50 with total",
                () -> engine.search(OFFICER, BenchSupport.REGISTER, COMMUNE, RecordQuery.builder()
                        .eq("hamlet", "AP1").eq("farmingType", "thuy-san").limit(50).build()).items().size(),
                () -> rawPage(ds, where + " AND F_HAMLET = ? AND F_FARMING_TYPE = ?", List.of(COMMUNE, "AP1", "thuy-san"))));

        ratios.add(compare("range on area, sorted by name, page of 50",
                () -> engine.search(OFFICER, BenchSupport.REGISTER, COMMUNE, RecordQuery.builder()
                        .filter(new Filter("totalLandArea", Filter.Op.GE, List.of(new java.math.BigDecimal("30000"))))
                        .sort(new org.xaso.api.record.Sort("headName", false)).limit(50).build()).items().size(),
                () -> rawPageSorted(ds, where + " AND F_TOTAL_LAND_AREA >= ?", List.of(COMMUNE, new java.math.BigDecimal("30000")),
                        "F_HEAD_NAME_K ASC, ID")));

        ratios.add(compare("free text 'nguyen an', page of 50 with total",
                () -> engine.search(OFFICER, BenchSupport.REGISTER, COMMUNE, RecordQuery.builder().text("nguyễn an")
                        .limit(50).build()).items().size(),
                () -> rawPage(ds, where + " AND SEARCH_TEXT LIKE ? AND SEARCH_TEXT LIKE ?",
                        List.of(COMMUNE, "%nguyen%", "%an%"))));

        ratios.add(compare("group by hamlet, kind: count, sum area",
                () -> engine.stats(OFFICER, BenchSupport.REGISTER, COMMUNE, StatsQuery.builder().groupBy("hamlet")
                        .groupBy("farmingType").measure(new StatsQuery.Measure(StatsQuery.Function.SUM, "totalLandArea"))
                        .build()).rows().size(),
                () -> rawRows(ds, "SELECT F_HAMLET, F_FARMING_TYPE, COUNT(*), SUM(F_TOTAL_LAND_AREA)" + where
                        + " GROUP BY F_HAMLET, F_FARMING_TYPE ORDER BY 1, 2", List.of(COMMUNE))));

        ratios.add(compare("group by registration year, sex: count, avg",
                () -> engine.stats(OFFICER, BenchSupport.REGISTER, COMMUNE, StatsQuery.builder()
                        .groupBy(new StatsQuery.GroupBy("registeredOn", StatsQuery.Granularity.YEAR)).groupBy("headGender")
                        .measure(new StatsQuery.Measure(StatsQuery.Function.AVG, "memberCount")).build()).rows().size(),
                () -> rawRows(ds, "SELECT " + year + ", F_HEAD_GENDER, COUNT(*), AVG(CAST(F_MEMBER_COUNT AS DOUBLE PRECISION))"
                        + where + " GROUP BY " + year + ", F_HEAD_GENDER ORDER BY 1, 2", List.of(COMMUNE))));

        double worst = ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf("worst ratio engine / raw SQL: %.2f  target <= 2.00  %s%n", worst, worst <= 2.0 ? "MET" : "NOT MET");
    }

    private static double compare(String name, Supplier<Integer> engine, Supplier<Integer> raw) {
        for (int i = 0; i < WARM; i++) {
            int a = engine.get();
            int b = raw.get();
            if (a != b) {
                throw new IllegalStateException(name + ": the engine found " + a + " rows, the raw SQL " + b);
            }
        }
        List<Long> e = new ArrayList<>();
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            raw.get();
            r.add(System.nanoTime() - t);
            t = System.nanoTime();
            engine.get();
            e.add(System.nanoTime() - t);
        }
        double ratio = (double) BenchSupport.medianNanos(e) / BenchSupport.medianNanos(r);
        System.out.printf("%-44s %12s %12s %7.2f%n", name, BenchSupport.median(e), BenchSupport.median(r), ratio);
        return ratio;
    }

    /** The total and the first page, as the engine answers a search. */
    private static int rawPage(DataSource ds, String from, List<Object> params) {
        return rawPageSorted(ds, from, params, "CREATED_AT DESC, ID");
    }

    private static int rawPageSorted(DataSource ds, String from, List<Object> params, String order) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*)" + from, params); ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getLong(1);
            }
            try (PreparedStatement ps = prepare(c, "SELECT *" + from + " ORDER BY " + order
                    + " OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY", params); ResultSet rs = ps.executeQuery()) {
                return readAll(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rawRows(DataSource ds, String sql, List<Object> params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return readAll(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every value of every row, as the engine does; returns the number of rows. */
    private static int readAll(ResultSet rs) throws SQLException {
        int n = 0;
        int cols = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
                rs.getObject(i);
            }
            n++;
        }
        return n;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
