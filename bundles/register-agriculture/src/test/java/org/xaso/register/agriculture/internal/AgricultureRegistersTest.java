package org.xaso.register.agriculture.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterHook;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.descriptor.DescriptorReader;

/** The agriculture registers deployed on the real engine (in-memory Derby), with their hooks. */
class AgricultureRegistersTest {

    private static final Path RESOURCES = Paths.get("src/main/resources/xaso");
    private final DescriptorReader reader = new DescriptorReader();
    private Map<String, DescriptorReader.Parsed> parsed;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        Map<String, CodeList> lists = new HashMap<>(TestEngines.codeLists());
        try (Stream<Path> files = Files.list(RESOURCES.resolve("codelists"))) {
            for (Path p : files.toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    CodeList l = reader.readCodeList(p.toString(), in);
                    lists.put(l.id(), l);
                }
            }
        }
        parsed = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("registers"))) {
            for (Path p : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    DescriptorReader.Parsed r = reader.readRegister(p.toString(), in, lists::get);
                    parsed.put(r.descriptor().id(), r);
                }
            }
        }
        Map<String, List<RegisterHook>> hooks = Map.of("farming-household", List.of(new FarmingHouseholdHook()),
                "crop-status", List.of(new CropStatusHook()), "cooperative", List.of(new CooperativeHook()));
        engine = new Engine(TestEngines.newDatabase(), new TestUnits(), id -> hooks.getOrDefault(id, List.of()),
                TestEngines.CLOCK, Engine.Settings.DEFAULT);
        for (DescriptorReader.Parsed p : parsed.values()) {
            engine.deploy(p, "test", 1);
        }
    }

    /** The catalogue of Appendix IV (docs/catalog/registers.tsv): id → columns. */
    private static Map<String, String[]> catalogue() throws IOException {
        Map<String, String[]> m = new HashMap<>();
        List<String> lines = Files.readAllLines(Paths.get("../../docs/catalog/registers.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            m.put(c[0], c);
        }
        return m;
    }

    @Test
    void theEighteenAgricultureRegistersAreHereWithTheirCatalogueIdsAndFlags() throws IOException {
        assertThat(parsed).hasSize(18).containsKeys("farming-household", "cooperative", "crop-status");
        Map<String, String[]> cat = catalogue();
        for (DescriptorReader.Parsed p : parsed.values()) {
            RegisterDescriptor d = p.descriptor();
            String[] row = cat.get(d.id());
            assertThat(row).as("catalogue row of %s", d.id()).isNotNull();
            assertThat(d.seedCode()).isEqualTo(row[1]);
            assertThat(d.domain()).isEqualTo(row[2]);
            assertThat(d.flags().crud()).isEqualTo("yes".equals(row[7]));
            assertThat(d.flags().onestopLink()).isEqualTo("yes".equals(row[8]));
            assertThat(d.flags().excelImport()).isEqualTo("yes".equals(row[9]));
            for (FieldDescriptor f : d.fields()) {
                assertThat(f.labelVi()).as("%s.%s", d.id(), f.name()).isNotBlank();
                assertThat(f.labelEn()).as("%s.%s", d.id(), f.name()).isNotBlank();
            }
        }
    }

    private RegisterRecord household(String name, String id, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headName", name);
        m.put("headCitizenId", id);
        m.put("hamlet", "Ấp Bình Tây");
        m.put("farmingType", "Trồng trọt");
        m.putAll(extra);
        return engine.create(TestEngines.OFFICER, "farming-household", TestUnits.COMMUNE, m);
    }

    @Test
    void aHouseholdItsCropsAndItsCooperative() {
        RegisterRecord coop = engine.create(TestEngines.OFFICER, "cooperative", TestUnits.COMMUNE, Map.of("name",
                "HTX Nông nghiệp Bình Hiệp", "kind", "hop-tac-xa", "registrationNumber", "5003000123", "status",
                "dang-hoat-dong", "memberCount", 25, "charterCapital", "1.500.000.000", "rating", "Khá", "ratingYear", 2025));
        RegisterRecord h = household("Nguyễn Văn Tư", "080075001234", Map.of("headBirthYear", 1975, "headGender", "Nam",
                "memberCount", 5, "laborCount", 3, "totalLandArea", "12000", "riceArea", "10000",
                "cooperative", coop.id().toString()));
        RegisterRecord crop = engine.create(TestEngines.OFFICER, "crop-status", TestUnits.COMMUNE, Map.of(
                "household", "080075001234", "hamlet", "AP1", "year", 2026, "season", "Đông Xuân", "cropKind", "Lúa",
                "variety", "OM 18", "plantedArea", "10000", "sowingDate", "05/11/2025", "expectedHarvestDate", "20/02/2026"));
        assertThat(crop.get("household")).isEqualTo(h.id().toString());
        assertThat(engine.get(TestEngines.OFFICER, "cooperative", TestUnits.COMMUNE, coop.id()).get("charterCapital"))
                .isEqualTo(1_500_000_000L);
    }

    @Test
    void hooksRefuseInconsistentHouseholds() {
        assertThatThrownBy(() -> household("Trần Thị Mai", "080185001234", Map.of("headBirthYear", 1986, "headGender", "Nam")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactlyInAnyOrder("headBirthYear", "headGender"));
        assertThatThrownBy(() -> household("Lê Văn Ba", "080070001234", Map.of("memberCount", 2, "laborCount", 4)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("more-than-members"));
        assertThatThrownBy(() -> household("Lê Văn Bốn", "080070001235", Map.of("totalLandArea", 100, "riceArea", 80,
                "perennialArea", 30))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(v -> v.code()).containsExactly("less-than-parts"));
    }

    @Test
    void demoDataPassesEveryCheckOfTheRegisters() {
        Map<String, Integer> made = new org.xaso.demo.internal.DemoData(engine, new TestUnits())
                .load(engine.list(), List.of(TestUnits.COMMUNE), 30, 11L, TestEngines.CLOCK);
        assertThat(made).hasSize(18).containsKeys("cooperative", "farming-household", "crop-status", "new-rural-criteria");
        assertThat(made.values()).allSatisfy(n -> assertThat(n).isEqualTo(30));
    }

    @Test
    void hooksRefuseInconsistentCropsAndCooperatives() {
        household("Phan Văn Năm", "080080001234", Map.of());
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, "crop-status", TestUnits.COMMUNE, Map.of(
                "household", "080080001234", "hamlet", "AP1", "year", 2026, "season", "he-thu", "cropKind", "ngo",
                "plantedArea", 1000, "harvestedArea", 900, "damagedArea", 200, "sowingDate", "2026-05-01",
                "expectedHarvestDate", "2026-04-01"))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(v -> v.code()).containsExactlyInAnyOrder("before-sowing", "more-than-planted"));
        assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, "cooperative", TestUnits.COMMUNE, Map.of("name", "HTX A",
                "kind", "hop-tac-xa", "registrationNumber", "1", "status", "dang-hoat-dong", "memberCount", 3)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("too-few-members"));
    }
}
