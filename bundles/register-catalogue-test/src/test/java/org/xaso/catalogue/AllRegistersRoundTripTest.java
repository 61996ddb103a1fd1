package org.xaso.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.XasoException;
import org.xaso.api.record.Filter;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.SheetFormat;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.ReportDefinition;
import org.xaso.demo.internal.DemoData;
import org.xaso.demo.internal.Samples;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.export.RecordExporterImpl;
import org.xaso.engine.internal.importer.RecordImporterImpl;

/**
 * In every one of the 88 registers, what an officer does: create a valid record, find it, correct it, export the
 * search to .xlsx and .csv, import the exported workbook back (nothing changes, nothing is duplicated), print each
 * shipped report, and delete the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllRegistersRoundTripTest {

    private static final String COMMUNE = TestUnits.COMMUNE;
    private Engine engine;
    private RecordExporterImpl exporter;
    private RecordImporterImpl importer;
    private TestUnits units;

    @BeforeAll
    void deployAllAndLoadSomeData() throws Exception {
        units = new TestUnits();
        engine = new Engine(TestEngines.newDatabase(), units, id -> List.of(), TestEngines.CLOCK, Engine.Settings.DEFAULT);
        for (Catalogue.Shipped s : Catalogue.registers()) {
            engine.deploy(s.parsed(), "register-" + s.domain(), Catalogue.DOMAINS.indexOf(s.domain()));
        }
        exporter = new RecordExporterImpl(engine);
        importer = new RecordImporterImpl(engine);
        engine.aggregators(id -> "it-application-summary".equals(id)
                ? new org.xaso.register.internalaffairs.internal.ItApplicationSummaryAggregator() : null);
        demo = new DemoData(engine, units);
        demoMade = demo.load(engine.list(), List.of(COMMUNE), 3, 11L, TestEngines.CLOCK);
    }

    private DemoData demo;
    private Map<String, Integer> demoMade;

    @org.junit.jupiter.api.Test
    void demoDataFillsEveryRegisterOfficersKeep() {
        List<String> short_ = new ArrayList<>();
        for (RegisterDescriptor d : engine.list()) {
            if (!d.flags().autoAggregate() && demoMade.getOrDefault(d.id(), 0) < 3) {
                short_.add(d.id() + ": " + demoMade.get(d.id()) + "/3, last refusal " + demo.lastRefusal.get(d.id()));
            }
        }
        assertThat(short_).isEmpty();
    }

    Stream<String> registers() {
        return Catalogue.rows().stream().map(Catalogue.Row::id);
    }

    /** Officers type through REST; registers read from another authority are written by imports and sync routes. */
    private static CallerContext writer(RegisterDescriptor d) {
        return TestEngines.OFFICER.toBuilder().channel(d.flags().crud() ? "rest" : "import").build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void anOfficerCanCreateFindCorrectExportImportReportAndDelete(String id) throws Exception {
        RegisterDescriptor d = engine.require(id).descriptor();
        CallerContext ctx = writer(d);
        if (d.flags().autoAggregate()) {
            computedRegister(d);
            return;
        }

        RegisterRecord created = create(d, ctx);
        assertThat(engine.get(ctx, id, COMMUNE, created.id()).data()).isEqualTo(created.data());

        RecordQuery byKey = query(d, created);
        assertThat(engine.search(ctx, id, COMMUNE, byKey).items()).extracting(RegisterRecord::id).contains(created.id());

        Map<String, Object> corrected = correction(d, created);
        RegisterRecord updated = engine.update(ctx, id, COMMUNE, created.id(), created.version(), corrected);
        assertThat(updated.version()).as("a correction makes a new version").isEqualTo(created.version() + 1);

        for (SheetFormat f : SheetFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.records(ctx, id, COMMUNE, byKey, f).writeTo(out);
            byte[] file = out.toByteArray();
            if (f == SheetFormat.CSV) {
                String csv = new String(file, StandardCharsets.UTF_8);
                assertThat(csv).startsWith("\uFEFF" + csvHeader(d.fields().get(0).labelVi())).contains(created.id().toString());
            }
            ImportReport back = importer.importFile(ctx.toBuilder().channel("import").build(), id, COMMUNE,
                    "xuat-" + id + "." + f.extension(), new ByteArrayInputStream(file), ImportOptions.allOrNothing());
            assertThat(back.errors()).as(f + " re-import of " + id).isEmpty();
            assertThat(back.created()).as(f + " re-import creates nothing").isZero();
            assertThat(back.unchanged()).as(f + " re-import leaves the record as it is").isGreaterThanOrEqualTo(1);
        }
        assertThat(engine.get(ctx, id, COMMUNE, created.id()).version()).isEqualTo(updated.version());

        for (ReportDefinition r : d.reports()) {
            var stats = engine.stats(ctx, id, COMMUNE, engine.reportQuery(id, r.id(), Map.of(), Set.of()));
            assertThat(stats.groupBy()).as(id + "/" + r.id()).hasSize(r.groupBy().size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.stats(ctx, id, COMMUNE, engine.reportQuery(id, r.id(), Map.of(), Set.of()), r.nameVi(), SheetFormat.XLSX)
                    .writeTo(out);
            assertThat(out.size()).isGreaterThan(1000);
        }

        engine.delete(ctx, id, COMMUNE, created.id(), updated.version(), "kiểm thử xóa");
        assertThat(engine.search(ctx, id, COMMUNE, byKey).items()).extracting(RegisterRecord::id).doesNotContain(created.id());
    }

    /** A register computed from other data: nobody types or imports it; it is computed on request, then read. */
    private void computedRegister(RegisterDescriptor d) throws Exception {
        String id = d.id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.create(TestEngines.OFFICER, id, COMMUNE, Map.of()))
                .isInstanceOf(org.xaso.api.error.AccessDeniedException.class);
        RegisterRecord r = engine.aggregate(TestEngines.OFFICER, id, COMMUNE, Map.of());
        assertThat(engine.search(TestEngines.OFFICER, id, COMMUNE, query(d, r)).items()).extracting(RegisterRecord::id)
                .containsExactly(r.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.records(TestEngines.OFFICER, id, COMMUNE, RecordQuery.all(), SheetFormat.XLSX).writeTo(out);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFile(TestEngines.OFFICER, id, COMMUNE,
                "x.xlsx", new ByteArrayInputStream(out.toByteArray()), ImportOptions.allOrNothing()))
                .isInstanceOf(org.xaso.api.error.AccessDeniedException.class);
        for (ReportDefinition rep : d.reports()) {
            assertThat(engine.stats(TestEngines.OFFICER, id, COMMUNE, engine.reportQuery(id, rep.id(), Map.of(), Set.of()))
                    .total()).isEqualTo(1);
        }
    }

    private static String csvHeader(String label) {
        return label.contains(",") || label.contains("\"") ? "\"" + label.replace("\"", "\"\"") + "\"" : label;
    }

    /** A valid sample whose natural key is not taken yet. */
    private RegisterRecord create(RegisterDescriptor d, CallerContext ctx) {
        Samples samples = new Samples(d.id().hashCode(), TestEngines.CLOCK.instant());
        String last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            Map<String, Object> data = samples.record(d, "Xã Bình Hiệp", units.hamlets(COMMUNE), this::ids, 100 + attempt);
            try {
                return engine.create(ctx, d.id(), COMMUNE, data);
            } catch (XasoException e) {
                last = e.getMessage();
            }
        }
        throw new AssertionError("no valid sample of " + d.id() + " could be created: " + last);
    }

    private List<String> ids(String register) {
        return engine.search(TestEngines.OFFICER, register, COMMUNE, RecordQuery.builder().limit(100).build()).items()
                .stream().map(r -> r.id().toString()).toList();
    }

    /** The record's natural key as filters; without one, its title text. */
    private static RecordQuery query(RegisterDescriptor d, RegisterRecord r) {
        RecordQuery.Builder b = RecordQuery.builder();
        List<String> key = d.naturalKey();
        if (key.isEmpty()) {
            key = d.fields().stream().filter(f -> f.required() && f.searchable() && f.type() != FieldType.LONG_TEXT)
                    .map(FieldDescriptor::name).limit(2).toList();
        }
        for (String k : key) {
            Object v = r.get(k);
            if (v == null) {
                continue;
            }
            FieldDescriptor f = d.field(k).orElseThrow();
            if (f.type() == FieldType.TEXT && f.pattern() == null) {
                b.filter(new Filter(k, Filter.Op.CONTAINS, List.of(v.toString())));
            } else {
                b.filter(new Filter(k, Filter.Op.EQ, List.of(v)));
            }
        }
        return b.build();
    }

    /** The record with one field corrected: a note or free text where there is one, else a number. */
    private static Map<String, Object> correction(RegisterDescriptor d, RegisterRecord r) {
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.values().removeIf(java.util.Objects::isNull);
        List<FieldDescriptor> candidates = new ArrayList<>();
        for (FieldDescriptor f : d.fields()) {
            if (d.naturalKey().contains(f.name()) || f.pattern() != null || f.name().startsWith("dossier")) {
                continue;
            }
            if (f.type() == FieldType.LONG_TEXT || f.type() == FieldType.TEXT) {
                candidates.add(f);
            }
        }
        if (!candidates.isEmpty()) {
            FieldDescriptor f = candidates.get(candidates.size() - 1);
            int max = f.maxLength() == null ? 255 : f.maxLength();
            String v = "Đã sửa " + (r.get(f.name()) == null ? "" : r.get(f.name()));
            data.put(f.name(), v.length() > max ? v.substring(0, max) : v);
            return data;
        }
        for (FieldDescriptor f : d.fields()) {
            if (f.type() == FieldType.BOOLEAN && !d.naturalKey().contains(f.name())) {
                data.put(f.name(), !Boolean.TRUE.equals(r.get(f.name())));
                return data;
            }
        }
        throw new AssertionError(d.id() + ": no field to correct in the test");
    }
}
