package org.xaso.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.xaso.api.context.CallerContext;
import org.xaso.api.register.CodeList;
import org.xaso.engine.internal.descriptor.DescriptorException;
import org.xaso.engine.internal.descriptor.DescriptorReader;

/** Builds engines on fresh in-memory Derby databases, with the test registers deployed. */
public final class TestEngines {

    /** 3 December 2026, 10:00 in Vietnam. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);

    public static final CallerContext OFFICER = CallerContext.builder().user("can-bo-test").channel("rest")
            .purpose("test").allCommunes().build();

    private TestEngines() {
    }

    /** True when the tests run on PostgreSQL (see the engine's pom: profile "postgresql"). */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("xaso.test.database"));
    }

    /**
     * A fresh, empty database: in-memory Derby, or a new schema of the PostgreSQL database named by
     * XASO_TEST_POSTGRES_URL when the tests run on PostgreSQL.
     */
    public static DataSource newDatabase() {
        if (postgres()) {
            String url = System.getenv("XASO_TEST_POSTGRES_URL");
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare a PostgreSQL schema at " + url, e);
            }
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setURL(url);
            ds.setCurrentSchema(schema);
            return ds;
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:xaso-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return ds;
    }

    public static Map<String, CodeList> codeLists() throws IOException, DescriptorException {
        DescriptorReader r = new DescriptorReader();
        Map<String, CodeList> lists = new HashMap<>();
        for (String path : List.of("/xaso/codelists/gender.yaml", "/xaso/codelists/yes-no-unknown.yaml",
                "/xaso/codelists/dossier-status.yaml", "/xaso/codelists/dossier-channel.yaml", "/registers/codelists.yaml")) {
            try (InputStream in = TestEngines.class.getResourceAsStream(path)) {
                CodeList l = r.readCodeList(path, in);
                lists.put(l.id(), l);
            }
        }
        return lists;
    }

    public static DescriptorReader.Parsed parse(String resource) throws IOException, DescriptorException {
        Map<String, CodeList> lists = codeLists();
        try (InputStream in = TestEngines.class.getResourceAsStream(resource)) {
            return new DescriptorReader().readRegister(resource, in, lists::get);
        }
    }

    public static Engine engine(DataSource ds) throws SQLException, IOException, DescriptorException {
        Engine e = new Engine(ds, new TestUnits(), id -> List.of(), CLOCK, Engine.Settings.DEFAULT);
        e.deploy(parse("/registers/household.yaml"), "test", 1);
        e.deploy(parse("/registers/plot.yaml"), "test", 1);
        return e;
    }

    public static Engine engine() throws SQLException, IOException, DescriptorException {
        return engine(newDatabase());
    }
}
