package org.xaso.engine.internal.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;

class CodeListsTest {

    private static final String REG = "test-household";
    private DataSource ds;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        ds = TestEngines.newDatabase();
        engine = TestEngines.engine(ds);
    }

    private Map<String, Object> household(String id, String crop) {
        return Map.of("headName", "Nguyễn Văn An", "headCitizenId", id, "hamlet", "AP1", "mainCrop", crop);
    }

    @Test
    void addedValuesAreUsableAtOnceAndSurviveARestart() throws Exception {
        CodeList l = engine.addValue(TestEngines.OFFICER, "crop-kind", new CodeValue("ca-phe", "Cà phê", "Coffee"),
                "tỉnh bổ sung cây trồng");
        assertThat(l.values()).extracting(CodeValue::code).containsExactly("lua", "bap", "thanh-long", "dua", "ca-phe");
        assertThat(engine.isLocal("crop-kind", "ca-phe")).isTrue();
        assertThat(engine.isLocal("crop-kind", "lua")).isFalse();
        var r = engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, household("080090001234", "cà phê"));
        assertThat(r.get("mainCrop")).isEqualTo("ca-phe");

        Engine restarted = TestEngines.engine(ds);
        assertThat(restarted.codeList("crop-kind").orElseThrow().find("ca-phe")).hasValueSatisfying(v ->
                assertThat(v.labelVi()).isEqualTo("Cà phê"));
        assertThat(restarted.require(REG).descriptor().codeList("crop-kind").orElseThrow().find("ca-phe")).isPresent();

        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT ACTOR, DETAIL FROM XASO_AUDIT WHERE OPERATION = 'codelist-add'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("can-bo-test");
            assertThat(rs.getString(2)).contains("crop-kind/ca-phe").contains("tỉnh bổ sung");
        }
    }

    @Test
    void retiredValuesAreRefusedForNewDataButKeptByOldRecords() throws Exception {
        var r = engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, household("080090001234", "lua"));
        engine.changeValue(TestEngines.OFFICER, "crop-kind", new CodeValue("lua", "Lúa", "Rice", false), "thôi theo dõi");
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, household("080090001235", "lua")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).singleElement()
                        .satisfies(v -> assertThat(v.code()).isEqualTo("inactive-code")));
        Map<String, Object> same = new java.util.HashMap<>(household("080090001234", "lua"));
        same.put("members", 5);
        assertThat(engine.update(TestEngines.OFFICER, REG, TestUnits.COMMUNE, r.id(), r.version(), same).get("mainCrop"))
                .isEqualTo("lua");

        engine.changeValue(TestEngines.OFFICER, "crop-kind", new CodeValue("bap", "Ngô", "Maize", true), "tên phổ thông");
        engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, household("080090001236", "Ngô"));
        var stats = engine.stats(TestEngines.OFFICER, REG, TestUnits.COMMUNE,
                StatsQuery.builder().groupBy(new StatsQuery.GroupBy("mainCrop", StatsQuery.Granularity.VALUE)).build());
        assertThat(stats.rows()).anySatisfy(row -> assertThat(row.labels()).containsEntry("mainCrop", "Ngô"));
        engine.changeValue(TestEngines.OFFICER, "crop-kind", new CodeValue("lua", "Lúa", "Rice", true), "theo dõi lại");
        engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, household("080090001237", "lua"));
    }

    @Test
    void badChangesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> engine.addValue(TestEngines.OFFICER, "crop-kind", new CodeValue("lua", "Lúa nước", null), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> engine.addValue(TestEngines.OFFICER, "crop-kind", new CodeValue("lua-2", "LÚA", null), null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).singleElement()
                        .satisfies(v -> assertThat(v.code()).isEqualTo("duplicate-label")));
        assertThatThrownBy(() -> engine.addValue(TestEngines.OFFICER, "crop-kind", new CodeValue("cà phê", "Cà phê", null), null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(v -> v.field())
                        .containsExactly("code"));
        assertThatThrownBy(() -> engine.addValue(TestEngines.OFFICER, "khong-co", new CodeValue("x", "X", null), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.changeValue(TestEngines.OFFICER, "crop-kind", new CodeValue("khong", "Không", null), null))
                .isInstanceOf(NotFoundException.class);
        assertThat(engine.codeList("crop-kind").orElseThrow().values()).hasSize(4);
    }

    @Test
    void builtInListsAreListedEvenWhenNoRegisterUsesThem() throws Exception {
        engine.shipCodeLists(List.of(new CodeList("ethnicity", "Dân tộc", "Ethnicity", "test",
                List.of(new CodeValue("01", "Kinh", "Kinh")))));
        assertThat(engine.codeLists()).extracting(CodeList::id).contains("ethnicity", "crop-kind", "gender");
    }
}
