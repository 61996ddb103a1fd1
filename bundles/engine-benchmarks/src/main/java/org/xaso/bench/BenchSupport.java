package org.xaso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.xaso.api.register.CodeList;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.descriptor.DescriptorReader;
import org.xaso.register.agriculture.internal.FarmingHouseholdHook;

/**
 * What both benchmarks need: a database on disk (Derby, or PostgreSQL when XASO_BENCH_POSTGRES_URL is set), the
 * engine with the real farming-household register and its hook, and reproducible rows of that register.
 */
final class BenchSupport {

    static final String REGISTER = "farming-household";
    static final String[] HAMLETS = {"AP1", "AP2"};
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Văn Cường", "Thị Hạnh", "Hữu Lộc", "Ngọc Mai", "Minh Tâm"};
    private static final String[] TYPES = {"trong-trot", "chan-nuoi", "thuy-san", "hon-hop", "dich-vu"};

    private BenchSupport() {
    }

    static DataSource database(Path dir) {
        String pg = System.getenv("XASO_BENCH_POSTGRES_URL");
        if (pg != null && !pg.isBlank()) {
            String schema = "bench_" + Long.toHexString(System.nanoTime());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg); java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setURL(pg);
            ds.setCurrentSchema(schema);
            return ds;
        }
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    static String databaseName() {
        String pg = System.getenv("XASO_BENCH_POSTGRES_URL");
        return pg != null && !pg.isBlank() ? "PostgreSQL" : "Derby (embedded, on disk)";
    }

    /** The engine with the agriculture bundle's registers deployed, as the extender would. */
    static Engine engine(DataSource ds, Clock clock) throws Exception {
        Engine engine = new Engine(ds, new TestUnits(), id -> REGISTER.equals(id) ? List.of(new FarmingHouseholdHook()) : List.of(),
                clock, Engine.Settings.DEFAULT);
        DescriptorReader reader = new DescriptorReader();
        Map<String, CodeList> lists = new HashMap<>();
        for (String dir : List.of("xaso/codelists")) {
            for (String name : resources(dir)) {
                try (InputStream in = BenchSupport.class.getClassLoader().getResourceAsStream(dir + "/" + name)) {
                    if (in != null) {
                        CodeList l = reader.readCodeList(name, in);
                        lists.put(l.id(), l);
                    }
                }
            }
        }
        for (String name : List.of("cooperative.yaml", "farming-household.yaml")) {
            try (InputStream in = BenchSupport.class.getClassLoader().getResourceAsStream("xaso/registers/" + name)) {
                engine.deploy(reader.readRegister(name, in, lists::get), "register-agriculture", 1);
            }
        }
        return engine;
    }

    /** The code-list files on the class path (the engine's built-in ones and the agriculture bundle's). */
    private static List<String> resources(String dir) throws IOException {
        List<String> out = new ArrayList<>();
        var urls = BenchSupport.class.getClassLoader().getResources(dir);
        while (urls.hasMoreElements()) {
            var url = urls.nextElement();
            try {
                if (url.getProtocol().equals("jar")) {
                    try (var fs = java.nio.file.FileSystems.newFileSystem(url.toURI(), Map.of());
                         Stream<Path> s = Files.list(fs.getPath(dir))) {
                        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(out::add);
                    }
                } else {
                    try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(out::add);
                    }
                }
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return out;
    }

    /** One household: the values a commune's spreadsheet holds, typed as the engine stores them. */
    record Household(String code, String name, String citizenId, long birthYear, String gender, String hamlet,
                     long members, long workers, String type, BigDecimal total, BigDecimal rice, LocalDate registeredOn) {
    }

    /** Household number i (0..999,999), the same every run. */
    static Household household(int i) {
        Random r = new Random(i * 7919L + 17);
        int year = 1950 + r.nextInt(50);
        boolean female = r.nextBoolean();
        String id = "080" + (female ? "1" : "0") + String.format("%02d", year % 100) + String.format("%06d", i);
        BigDecimal total = BigDecimal.valueOf(2000 + r.nextInt(30000));
        BigDecimal rice = total.multiply(BigDecimal.valueOf(r.nextInt(80))).divide(BigDecimal.valueOf(100)).setScale(0,
                java.math.RoundingMode.DOWN);
        long members = 2 + r.nextInt(6);
        return new Household("HCT-" + String.format("%07d", i), SURNAMES[r.nextInt(SURNAMES.length)] + " "
                + GIVEN[r.nextInt(GIVEN.length)], id, year, female ? "2" : "1", HAMLETS[r.nextInt(HAMLETS.length)], members,
                1 + r.nextInt((int) members), TYPES[r.nextInt(TYPES.length)], total, rice,
                LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2000)));
    }

    static String median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        return String.format("%.2f ms", s.get(s.size() / 2) / 1e6);
    }

    static long medianNanos(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
