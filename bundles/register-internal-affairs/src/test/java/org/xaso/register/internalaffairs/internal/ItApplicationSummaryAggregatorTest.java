package org.xaso.register.internalaffairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.AccessDeniedException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.descriptor.DescriptorReader;
import org.xaso.engine.internal.importer.RecordImporterImpl;

/** The IT-application summary computed by the real engine (in-memory Derby) from what happened in a commune. */
class ItApplicationSummaryAggregatorTest {

    private static final String REG = "it-application-summary";
    private static final String COMMUNE = TestUnits.COMMUNE;
    /** A register linked to the one-stop system, to count dossiers. */
    private static final String DOSSIERS = """
            id: test-permit
            seedCode: "9.9.9"
            domain: internal-affairs
            nameVi: Giấy phép thử
            nameEn: Test permits
            flags: {onestopLink: true}
            fields:
              - {name: applicant, type: text, labelVi: Người đề nghị, labelEn: Applicant, required: true, searchable: true}
            """;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        engine = TestEngines.engine();
        DescriptorReader reader = new DescriptorReader();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/xaso/registers/it-application-summary.yaml"))) {
            engine.deploy(reader.readRegister("it-application-summary.yaml", in, TestEngines.codeLists()::get), "test", 2);
        }
        engine.deploy(reader.readRegister("test-permit", new ByteArrayInputStream(DOSSIERS.getBytes(StandardCharsets.UTF_8)),
                TestEngines.codeLists()::get), "test", 3);
        engine.aggregators(id -> REG.equals(id) ? new ItApplicationSummaryAggregator(TestEngines.CLOCK) : null);
    }

    private void permit(String received, String channel, String due, String returned) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("applicant", "Nguyễn Văn An", "dossierReceivedOn", received,
                "dossierChannel", channel, "dossierDueOn", due));
        if (returned != null) {
            data.put("dossierReturnedOn", returned);
        }
        engine.create(TestEngines.OFFICER, "test-permit", COMMUNE, data);
    }

    @Test
    void theMonthIsComputedFromRecordsAuditImportsAndDossiers() {
        engine.create(TestEngines.OFFICER, "test-household", COMMUNE,
                Map.of("headName", "Lê Văn Cường", "headCitizenId", "080090001234", "hamlet", "AP1"));
        RegisterRecord h = engine.create(TestEngines.OFFICER.toBuilder().user("can-bo-2").build(), "test-household", COMMUNE,
                Map.of("headName", "Trần Thị Bình", "headCitizenId", "080190005678", "hamlet", "AP2"));
        engine.update(TestEngines.OFFICER, "test-household", COMMUNE, h.id(), 1, Map.of("headName", "Trần Thị Bình",
                "headCitizenId", "080190005678", "hamlet", "AP1"));
        new RecordImporterImpl(engine).importFile(TestEngines.OFFICER.toBuilder().channel("import").build(), "test-household",
                COMMUNE, "ho.csv", new ByteArrayInputStream("headName,headCitizenId,hamlet\nPhạm Văn D,080090009999,AP1\n"
                        .getBytes(StandardCharsets.UTF_8)), ImportOptions.allOrNothing());
        permit("2026-12-01", "2", "2026-12-02", "2026-12-02");
        permit("2026-12-02", "1", "2026-12-02", "2026-12-03");
        permit("2026-11-20", "2", "2026-11-25", null);

        RegisterRecord r = engine.aggregate(TestEngines.OFFICER, REG, COMMUNE, Map.of("year", "2026", "month", "12"));
        assertThat(r.source()).isEqualTo("aggregate");
        assertThat(r.data()).containsEntry("year", 2026L).containsEntry("month", 12L)
                .containsEntry("registersInUse", 2L)
                .containsEntry("recordsTotal", 6L)
                .containsEntry("recordsCreated", 5L)
                .containsEntry("recordsUpdated", 1L)
                .containsEntry("recordsImported", 1L)
                .containsEntry("activeUsers", 2L)
                .containsEntry("dossiersReceived", 2L)
                .containsEntry("dossiersOnline", 1L)
                .containsEntry("dossiersOnTime", 1L)
                .containsEntry("onlineShare", new BigDecimal("50"))
                .containsEntry("onTimeShare", new BigDecimal("50"));

        RegisterRecord nov = engine.aggregate(TestEngines.OFFICER, REG, COMMUNE, Map.of("year", "2026", "month", "11"));
        assertThat(nov.data()).containsEntry("dossiersReceived", 1L).containsEntry("recordsCreated", 0L)
                .containsEntry("onlineShare", new BigDecimal("100"));
        assertThat(nov.get("onTimeShare")).as("no dossier settled in November").isNull();

        RegisterRecord again = engine.aggregate(TestEngines.OFFICER, REG, COMMUNE, Map.of());
        assertThat(again.id()).as("this month's record is replaced, not duplicated").isEqualTo(r.id());
        assertThat(engine.search(TestEngines.OFFICER, REG, COMMUNE, RecordQuery.all()).total()).isEqualTo(2);
    }

    @Test
    void nobodyTypesOrImportsTheSummary() {
        CallerContext rest = TestEngines.OFFICER;
        assertThatThrownBy(() -> engine.create(rest, REG, COMMUNE, Map.of("year", 2026, "month", 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new RecordImporterImpl(engine).importFile(rest.toBuilder().channel("import").build(), REG,
                COMMUNE, "cntt.csv", new ByteArrayInputStream("year,month\n2026,1\n".getBytes(StandardCharsets.UTF_8)),
                ImportOptions.allOrNothing())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badPeriodsAreRefusedByName() {
        assertThatThrownBy(() -> engine.aggregate(TestEngines.OFFICER, REG, COMMUNE, Map.of("year", "2026")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("month");
        assertThatThrownBy(() -> engine.aggregate(TestEngines.OFFICER, REG, COMMUNE, Map.of("year", "2027", "month", "1")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> engine.aggregate(TestEngines.OFFICER, REG, COMMUNE, Map.of("year", "hai", "month", "13")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2));
        assertThatThrownBy(() -> engine.aggregate(TestEngines.OFFICER, "test-household", COMMUNE, Map.of()))
                .isInstanceOf(ConflictException.class);
        assertThat(ItApplicationSummaryAggregator.month(Map.of(), YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 12));
    }
}
