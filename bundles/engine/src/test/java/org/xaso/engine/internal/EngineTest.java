package org.xaso.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.AccessDeniedException;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.StatsResult;

class EngineTest {

    private static final String REG = "test-household";
    private static final String C = TestUnits.COMMUNE;
    private DataSource ds;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        ds = TestEngines.newDatabase();
        engine = TestEngines.engine(ds);
    }

    private static Map<String, Object> household(String name, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headName", name);
        m.put("headCitizenId", id);
        m.put("hamlet", "AP1");
        m.put("members", 4);
        m.put("landArea", "1.250,5");
        m.put("mainCrop", "Lúa");
        m.put("registeredOn", "15/03/2024");
        return m;
    }

    private RegisterRecord create(String name, String id) {
        return engine.create(TestEngines.OFFICER, REG, C, household(name, id));
    }

    private Page<RegisterRecord> search(Map<String, List<String>> params) {
        return engine.search(TestEngines.OFFICER, REG, C, engine.parseQuery(REG, params, Set.of()));
    }

    private long count(String table, String where) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + table + (where == null ? "" : " WHERE " + where))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void createStoresTypedValuesAndAuditFields() throws Exception {
        RegisterRecord r = create("Nguyễn Văn An", "080090001234");
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.createdBy()).isEqualTo("can-bo-test");
        RegisterRecord read = engine.get(TestEngines.OFFICER, REG, C, r.id());
        assertThat(read.data()).containsEntry("headName", "Nguyễn Văn An").containsEntry("members", 4L)
                .containsEntry("landArea", new BigDecimal("1250.5")).containsEntry("mainCrop", "lua")
                .containsEntry("registeredOn", LocalDate.of(2024, 3, 15)).containsEntry("hamlet", "AP1");
        assertThat(read.createdAt()).isEqualTo(TestEngines.CLOCK.instant());
        assertThat(read.source()).isEqualTo("rest");
        assertThat(count("XASO_AUDIT", "OPERATION = 'create' AND RECORD_ID = '" + r.id() + "'")).isEqualTo(1);
    }

    @Test
    void decomposedVietnameseIsStoredComposedAndFoundWithoutDiacritics() {
        String nfd = Normalizer.normalize("Trần Thị Bích Ngọc", Normalizer.Form.NFD);
        RegisterRecord r = create(nfd, "080190001234");
        assertThat(engine.get(TestEngines.OFFICER, REG, C, r.id()).get("headName")).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(search(Map.of("q", List.of("tran thi bich ngoc"))).total()).isEqualTo(1);
        assertThat(search(Map.of("q", List.of("NGỌC  TRẦN"))).total()).isEqualTo(1);
        assertThat(search(Map.of("headName", List.of("bich"))).total()).isEqualTo(1);
        assertThat(search(Map.of("q", List.of("080190001234"))).total()).isEqualTo(1);
        assertThat(search(Map.of("q", List.of("Nguyễn"))).total()).isZero();
    }

    @Test
    void dStrokeMatchesD() {
        create("Đặng Văn Đức", "080090001234");
        assertThat(search(Map.of("q", List.of("dang van duc"))).items()).extracting(r -> r.get("headName"))
                .containsExactly("Đặng Văn Đức");
    }

    @Test
    void searchFiltersRangesSortAndPaging() {
        for (int i = 0; i < 12; i++) {
            Map<String, Object> m = household("Hộ số " + i, String.format("0800900%05d", i));
            m.put("members", i + 1);
            m.put("hamlet", i % 2 == 0 ? "AP1" : "Ấp Gò Dồn");
            m.put("vietgap", i % 3 == 0);
            create((String) m.get("headName"), (String) m.get("headCitizenId"));
            RegisterRecord last = engine.search(TestEngines.OFFICER, REG, C, RecordQuery.builder()
                    .eq("headCitizenId", m.get("headCitizenId")).build()).items().get(0);
            engine.update(TestEngines.OFFICER, REG, C, last.id(), 1, m);
        }
        assertThat(search(Map.of()).total()).isEqualTo(12);
        assertThat(search(Map.of("hamlet", List.of("AP2"))).total()).isEqualTo(6);
        assertThat(search(Map.of("hamlet", List.of("ấp gò dồn"))).total()).isEqualTo(6);
        assertThat(search(Map.of("members.from", List.of("5"), "members.to", List.of("8"))).total()).isEqualTo(4);
        assertThat(search(Map.of("vietgap", List.of("có"))).total()).isEqualTo(4);
        assertThat(search(Map.of("mainCrop", List.of("lua", "bap"))).total()).isEqualTo(12);
        Page<RegisterRecord> page = search(Map.of("sort", List.of("-members"), "limit", List.of("5"), "offset", List.of("5")));
        assertThat(page.total()).isEqualTo(12);
        assertThat(page.items()).extracting(r -> r.get("members")).containsExactly(7L, 6L, 5L, 4L, 3L);
        assertThat(search(Map.of("limit", List.of("0"))).items()).isEmpty();
    }

    @Test
    void badSearchParametersAreRefusedByName() {
        assertThatThrownBy(() -> search(Map.of("headname", List.of("x")))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("headname"));
        assertThatThrownBy(() -> search(Map.of("income", List.of("5")))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("not-searchable"));
        assertThatThrownBy(() -> search(Map.of("headName.from", List.of("a")))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("not-a-range"));
        assertThatThrownBy(() -> search(Map.of("limit", List.of("100000")))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("limit"));
        assertThatThrownBy(() -> search(Map.of("registeredOn.from", List.of("32/01/2024")))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("registeredOn.from"));
        assertThatThrownBy(() -> search(Map.of("sort", List.of("password")))).isInstanceOf(ValidationException.class);
    }

    @Test
    void everyInvalidFieldIsReportedAndNothingWritten() throws Exception {
        Map<String, Object> bad = new HashMap<>();
        bad.put("headCitizenId", "12345");
        bad.put("members", "nhiều");
        bad.put("colour", "xanh");
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, REG, C, bad)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("colour", "headName", "headCitizenId", "hamlet", "members"));
        assertThat(count("REG_TEST_HOUSEHOLD", null)).isZero();
        assertThat(count("XASO_AUDIT", null)).isZero();
    }

    @Test
    void updateNeedsTheCurrentVersionAndKeepsHistory() throws Exception {
        RegisterRecord r = create("Lê Văn Tám", "080090001234");
        Map<String, Object> changed = household("Lê Văn Tám", "080090001234");
        changed.put("members", 6);
        RegisterRecord v2 = engine.update(TestEngines.OFFICER, REG, C, r.id(), 1, changed);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(engine.get(TestEngines.OFFICER, REG, C, r.id()).get("members")).isEqualTo(6L);
        assertThatThrownBy(() -> engine.update(TestEngines.OFFICER, REG, C, r.id(), 1, changed))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.currentVersion()).isEqualTo(2L));
        assertThat(count("XASO_RECORD_HISTORY", "RECORD_ID = '" + r.id() + "' AND RECORD_VERSION = 1")).isEqualTo(1);
        assertThat(count("XASO_AUDIT", "OPERATION = 'update' AND DETAIL LIKE '%members%'")).isEqualTo(1);
        RegisterRecord same = engine.update(TestEngines.OFFICER, REG, C, r.id(), 2, changed);
        assertThat(same.version()).as("an update that changes nothing leaves the version").isEqualTo(2);
    }

    @Test
    void deleteIsSoftNeedsAReasonAndFreesTheNaturalKey() throws Exception {
        RegisterRecord r = create("Phạm Thị Hoa", "080190001234");
        assertThatThrownBy(() -> engine.delete(TestEngines.OFFICER, REG, C, r.id(), 1L, " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> create("Phạm Thị Hoa", "080190001234")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.problemCode()).isEqualTo("duplicate-natural-key"));
        engine.delete(TestEngines.OFFICER, REG, C, r.id(), 1L, "Hộ chuyển đi nơi khác");
        assertThatThrownBy(() -> engine.get(TestEngines.OFFICER, REG, C, r.id())).isInstanceOf(NotFoundException.class);
        assertThat(search(Map.of()).total()).isZero();
        assertThat(search(Map.of("includeDeleted", List.of("true"))).items()).singleElement()
                .satisfies(x -> assertThat(x.deleteReason()).isEqualTo("Hộ chuyển đi nơi khác"));
        assertThat(count("REG_TEST_HOUSEHOLD", null)).isEqualTo(1);
        assertThat(create("Phạm Thị Hoa", "080190001234").version()).isEqualTo(1);
    }

    @Test
    void referencesMustPointToALiveRecordOfTheSameCommune() {
        RegisterRecord h = create("Võ Văn Kiệt", "080090001234");
        assertThat(engine.create(TestEngines.OFFICER, "test-plot", C, Map.of("household", h.id().toString(),
                "plotNumber", "123")).get("household")).isEqualTo(h.id().toString());
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, "test-plot", TestUnits.WARD, Map.of("household",
                h.id().toString(), "plotNumber", "124"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("reference-not-found"));
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, "test-plot", C, Map.of("household", "khong-phai-uuid",
                "plotNumber", "125"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("reference-not-found"));
    }

    @Test
    void aReferenceMayBeGivenByTheNaturalKeyOfItsTarget() {
        RegisterRecord h = create("Võ Thị Sáu", "080190001234");
        RegisterRecord plot = engine.create(TestEngines.OFFICER, "test-plot", C, Map.of("household", "080 190 001 234",
                "plotNumber", "7"));
        assertThat(plot.get("household")).isEqualTo(h.id().toString());
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, "test-plot", C, Map.of("household", "080190009999",
                "plotNumber", "8"))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(x -> {
                        assertThat(x.field()).isEqualTo("household");
                        assertThat(x.code()).isEqualTo("reference-not-found");
                        assertThat(x.messageVi()).contains("080190009999");
                    });
                });
    }

    @Test
    void communesAreCheckedAgainstTheUnitsOfToday() {
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, REG, TestUnits.GONE, household("A", "080090001234")))
                .isInstanceOfSatisfying(CommuneGoneException.class, e -> {
                    assertThat(e.successors()).extracting(u -> u.code()).containsExactly("27817");
                    assertThat(e.messageVi()).contains("Xã Tuyên Thạnh (27817)");
                });
        assertThat(search(Map.of()).total()).isZero();
        assertThatThrownBy(() -> engine.search(TestEngines.OFFICER, REG, "99999", RecordQuery.all()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.what()).isEqualTo(NotFoundException.What.COMMUNE));
        assertThatThrownBy(() -> engine.search(TestEngines.OFFICER, "no-such-register", C, RecordQuery.all()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.what()).isEqualTo(NotFoundException.What.REGISTER));
    }

    @Test
    void callersOnlyReachTheirCommunes() {
        CallerContext wardOfficer = CallerContext.builder().user("kp").channel("rest").commune(TestUnits.WARD).build();
        assertThatThrownBy(() -> engine.search(wardOfficer, REG, C, RecordQuery.all())).isInstanceOf(AccessDeniedException.class);
        assertThat(engine.search(wardOfficer, REG, TestUnits.WARD, RecordQuery.all()).total()).isZero();
    }

    @Test
    void statisticsCountAndSumPerGroupWithLabels() {
        for (int i = 0; i < 6; i++) {
            Map<String, Object> m = household("Hộ " + i, String.format("0800900%05d", i));
            m.put("hamlet", i < 4 ? "AP1" : "AP2");
            m.put("landArea", 1000 + i);
            m.put("registeredOn", i < 3 ? "2024-01-10" : "2024-02-10");
            engine.create(TestEngines.OFFICER, REG, C, m);
        }
        StatsResult r = engine.stats(TestEngines.OFFICER, REG, C, engine.parseStats(REG,
                Map.of("groupBy", List.of("hamlet"), "measure", List.of("sum:landArea,avg:members")), Set.of()));
        assertThat(r.total()).isEqualTo(6);
        assertThat(r.rows()).hasSize(2);
        StatsResult.Row first = r.rows().get(0);
        assertThat(first.keys()).containsEntry("hamlet", "AP1");
        assertThat(first.labels()).containsEntry("hamlet", "Ấp Bình Tây");
        assertThat(first.count()).isEqualTo(4);
        assertThat(new BigDecimal(first.values().get("sum:landArea").toString())).isEqualByComparingTo("4006");
        assertThat(first.values().get("avg:members").doubleValue()).isEqualTo(4.0);

        StatsResult byMonth = engine.stats(TestEngines.OFFICER, REG, C, engine.parseStats(REG,
                Map.of("groupBy", List.of("registeredOn:month,mainCrop")), Set.of()));
        assertThat(byMonth.rows()).extracting(x -> x.keys().get("registeredOn:month")).containsExactly("2024-01", "2024-02");
        assertThat(byMonth.rows().get(0).labels()).containsEntry("mainCrop", "Lúa");

        assertThatThrownBy(() -> engine.parseStats(REG, Map.of("groupBy", List.of("headName")), Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).code()).isEqualTo("not-a-dimension"));
        assertThatThrownBy(() -> engine.parseStats(REG, Map.of("measure", List.of("sum:headName")), Set.of()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> engine.parseStats(REG, Map.of("measure", List.of("median:landArea")), Set.of()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void registersReadFromOtherAuthoritiesRefuseTypedWrites() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/registers/plot.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: test-plot", "id: test-synced\nflags: {crud: false, externalSource: natural-resources-environment-db}");
        Engine e = engine;
        e.deploy(new org.xaso.engine.internal.descriptor.DescriptorReader().readRegister("synced", new java.io.ByteArrayInputStream(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), TestEngines.codeLists()::get), "test", 1);
        RegisterRecord h = create("Hộ A", "080090001234");
        Map<String, Object> plot = Map.of("household", h.id().toString(), "plotNumber", "1");
        assertThatThrownBy(() -> e.create(TestEngines.OFFICER, "test-synced", C, plot)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("natural-resources-environment-db");
        CallerContext sync = CallerContext.builder().user("sync").channel("import").allCommunes().build();
        assertThat(e.create(sync, "test-synced", C, plot).source()).isEqualTo("import");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> e.get(TestEngines.OFFICER, "test-synced", C, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void writesRefusedForContentionAreRunAgainAndAnswer503WhenTheyKeepFailing() throws Exception {
        Engine e = TestEngines.engine();
        int[] calls = {0};
        String done = e.writing(c -> {
            if (++calls[0] < 3) {
                throw new java.sql.SQLTransactionRollbackException("A lock could not be obtained", "40XL1");
            }
            return "written";
        });
        assertThat(done).isEqualTo("written");
        assertThat(calls[0]).isEqualTo(3);

        calls[0] = 0;
        assertThatThrownBy(() -> e.writing(c -> {
            calls[0]++;
            throw new java.sql.SQLTransactionRollbackException("deadlock", "40001");
        })).isInstanceOf(org.xaso.api.error.UnavailableException.class).hasMessageContaining("busy");
        assertThat(calls[0]).isEqualTo(3);

        calls[0] = 0;
        assertThatThrownBy(() -> e.writing(c -> {
            calls[0]++;
            throw new java.sql.SQLSyntaxErrorException("bad", "42X01");
        })).isInstanceOf(Engine.SqlFailure.class);
        assertThat(calls[0]).as("other failures are not run again").isEqualTo(1);
    }
}
