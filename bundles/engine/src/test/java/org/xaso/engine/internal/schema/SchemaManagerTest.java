package org.xaso.engine.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.descriptor.DescriptorReader;

class SchemaManagerTest {

    private static final String V1 = """
            id: evolving
            domain: test
            nameVi: Sổ thay đổi
            nameEn: Evolving register
            fields:
              - {name: title, type: text, labelVi: Tên, labelEn: Title, required: true, maxLength: 50, searchable: true}
              - {name: amount, type: money, labelVi: Số tiền, labelEn: Amount}
            """;

    private static DescriptorReader.Parsed parse(String yaml) throws Exception {
        Map<String, org.xaso.api.register.CodeList> lists = TestEngines.codeLists();
        return new DescriptorReader().readRegister("evolving.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), lists::get);
    }

    /** Metadata names in the case the database stores them (Derby: upper, PostgreSQL: lower). */
    private static String id(Connection c, String name) throws Exception {
        return Dialect.of(c).identifier(name);
    }

    private static Set<String> columns(DataSource ds, String table) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, id(c, c.getSchema()), id(c, table), null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static int varcharSize(DataSource ds, String table, String column) throws Exception {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, id(c, c.getSchema()), id(c, table), id(c, column))) {
            rs.next();
            return rs.getInt("COLUMN_SIZE");
        }
    }

    @Test
    void systemMigrationsAreRecordedAndRunOnce() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        TestEngines.engine(ds);
        TestEngines.engine(ds);
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*), COUNT(DISTINCT SCHEMA_VERSION) FROM XASO_SCHEMA_HISTORY")) {
            rs.next();
            assertThat(rs.getInt(1)).as("each migration once").isEqualTo(2).isEqualTo(rs.getInt(2));
        }
    }

    @Test
    void tableHasTypedColumnsFoldedCopiesAndIndexes() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        TestEngines.engine(ds);
        assertThat(columns(ds, "REG_TEST_HOUSEHOLD")).contains("ID", "COMMUNE_CODE", "ROW_VERSION", "CREATED_BY",
                "IS_DELETED", "DELETE_REASON", "NATURAL_KEY", "SEARCH_TEXT", "F_HEAD_NAME", "F_HEAD_NAME_K",
                "F_HEAD_CITIZEN_ID", "F_LAND_AREA", "F_REGISTERED_ON", "F_VIETGAP", "F_NOTE", "F_NOTE_K");
        Set<String> indexed = new HashSet<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(null, id(c, c.getSchema()), id(c, "REG_TEST_HOUSEHOLD"), false, true)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    indexed.add(rs.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(indexed).contains("F_HEAD_NAME_K", "F_HAMLET", "F_MEMBERS", "F_REGISTERED_ON", "F_MAIN_CROP")
                .doesNotContain("F_NOTE_K", "F_INCOME");
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, id(c, c.getSchema()), id(c, "REG_TEST_HOUSEHOLD"), id(c, "F_YIELD_RATE"))) {
            rs.next();
            assertThat(rs.getString("TYPE_NAME").toUpperCase(java.util.Locale.ROOT)).isIn("DECIMAL", "NUMERIC");
            assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(3);
        }
    }

    @Test
    void aNewFieldAddsAColumnAndKeepsEveryRecord() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        Engine e = new Engine(ds, new TestUnits(), id -> List.of(), TestEngines.CLOCK, Engine.Settings.DEFAULT);
        e.deploy(parse(V1), "test", 1);
        RegisterRecord r = e.create(TestEngines.OFFICER, "evolving", TestUnits.WARD, Map.of("title", "Hồ sơ một", "amount", 1000));

        e.undeploy("evolving");
        String v2 = V1.replace("maxLength: 50", "maxLength: 200") + "  - {name: place, type: text, labelVi: Nơi chốn,"
                + " labelEn: Place, searchable: true}\n";
        e.deploy(parse(v2), "test", 1);

        assertThat(columns(ds, "REG_EVOLVING")).contains("F_PLACE", "F_PLACE_K", "F_TITLE", "F_AMOUNT");
        assertThat(varcharSize(ds, "REG_EVOLVING", "F_TITLE")).isEqualTo(200);
        RegisterRecord again = e.get(TestEngines.OFFICER, "evolving", TestUnits.WARD, r.id());
        assertThat(again.data()).containsEntry("title", "Hồ sơ một").containsEntry("amount", 1000L).doesNotContainKey("place");
        e.update(TestEngines.OFFICER, "evolving", TestUnits.WARD, r.id(), 1, Map.of("title", "Hồ sơ một", "amount", 1000, "place", "Ấp Bình Tây"));
        Page<RegisterRecord> found = e.search(TestEngines.OFFICER, "evolving", TestUnits.WARD,
                RecordQuery.builder().text("binh tay").build());
        assertThat(found.total()).isEqualTo(1);
    }

    @Test
    void droppingAFieldKeepsItsColumnAndData() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        Engine e = new Engine(ds, new TestUnits(), id -> List.of(), TestEngines.CLOCK, Engine.Settings.DEFAULT);
        e.deploy(parse(V1), "test", 1);
        e.create(TestEngines.OFFICER, "evolving", TestUnits.WARD, Map.of("title", "Một", "amount", 5));
        String without = V1.replace("  - {name: amount, type: money, labelVi: Số tiền, labelEn: Amount}\n", "");
        e.deploy(parse(without), "test", 1);
        assertThat(columns(ds, "REG_EVOLVING")).contains("F_AMOUNT");
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT F_AMOUNT FROM REG_EVOLVING")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5L);
        }
    }

    @Test
    void aTypeChangeThatWouldLoseDataIsRefused() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        Engine e = new Engine(ds, new TestUnits(), id -> List.of(), TestEngines.CLOCK, Engine.Settings.DEFAULT);
        e.deploy(parse(V1), "test", 1);
        String changed = V1.replace("{name: amount, type: money", "{name: amount, type: date");
        assertThatThrownBy(() -> e.deploy(parse(changed), "test", 1)).isInstanceOf(SchemaConflictException.class)
                .hasMessageContaining("'amount'").hasMessageContaining("lose data");
        assertThat(e.find("evolving")).isPresent();
    }

    @Test
    void makingAFieldSearchableFoldsTheRecordsAlreadyStored() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        Engine e = new Engine(ds, new TestUnits(), id -> List.of(), TestEngines.CLOCK, Engine.Settings.DEFAULT);
        String plain = V1.replace(", searchable: true", "");
        e.deploy(parse(plain), "test", 1);
        e.create(TestEngines.OFFICER, "evolving", TestUnits.WARD, Map.of("title", "Đường Trần Hưng Đạo"));
        e.deploy(parse(V1), "test", 1);
        assertThat(e.search(TestEngines.OFFICER, "evolving", TestUnits.WARD,
                RecordQuery.builder().text("tran hung dao").build()).total()).isEqualTo(1);
        assertThat(e.search(TestEngines.OFFICER, "evolving", TestUnits.WARD,
                e.parseQuery("evolving", Map.of("title", List.of("duong tran")), Set.of())).total()).isEqualTo(1);
    }

    @Test
    void namesAreStableAndShortEnoughForPostgres() {
        assertThat(Columns.table("farming-household")).isEqualTo("REG_FARMING_HOUSEHOLD");
        assertThat(Columns.field("headCitizenId")).isEqualTo("F_HEAD_CITIZEN_ID");
        String ix = Columns.index("REG_PREFERENTIAL_ALLOWANCE_AUTHORIZATION", "F_AUTHORIZED_PERSON_CITIZEN_ID_K", "COMMUNE_CODE");
        assertThat(ix.length()).isLessThanOrEqualTo(63);
        assertThat(ix).isEqualTo(Columns.index("REG_PREFERENTIAL_ALLOWANCE_AUTHORIZATION", "F_AUTHORIZED_PERSON_CITIZEN_ID_K", "COMMUNE_CODE"));
    }
}
