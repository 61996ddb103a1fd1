package org.xaso.engine.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordExporter;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.SheetFormat;
import org.xaso.api.record.StatsQuery;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.importer.RecordImporterImpl;
import org.xaso.engine.internal.importer.TabularReader;
import org.xaso.engine.internal.importer.XlsxTabularReader;

class RecordExporterTest {

    private static final String REG = "test-household";
    private DataSource ds;
    private Engine engine;
    private RecordExporterImpl exporter;

    @BeforeEach
    void setUp() throws Exception {
        ds = TestEngines.newDatabase();
        engine = TestEngines.engine(ds);
        exporter = new RecordExporterImpl(engine);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("headName", "=HYPERLINK(\"http://x\",\"bấm\")");
        a.put("headCitizenId", "001090001234");
        a.put("gender", "1");
        a.put("phone", "0912345678");
        a.put("hamlet", "AP1");
        a.put("members", 4);
        a.put("landArea", "12.5");
        a.put("income", 150000000);
        a.put("yieldRate", new BigDecimal("12.345"));
        a.put("registeredOn", "2024-03-15");
        a.put("vietgap", true);
        a.put("mainCrop", "lua");
        a.put("note", "+ghi chú");
        engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, a);
        engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, Map.of("headName", "Trần Thị Bình",
                "headCitizenId", "080190005678", "hamlet", "AP2", "members", 3, "landArea", "800", "mainCrop", "bap",
                "vietgap", false));
        engine.create(TestEngines.OFFICER, REG, TestUnits.COMMUNE, Map.of("headName", "Lê Văn Cường",
                "headCitizenId", "080090009999", "hamlet", "AP2", "members", 2, "landArea", "200.25", "mainCrop", "lua",
                "vietgap", true));
    }

    private byte[] write(RecordExporter.Sheet sheet) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.writeTo(out);
        return out.toByteArray();
    }

    private static List<List<Object>> readXlsx(byte[] bytes) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (XlsxTabularReader r = new XlsxTabularReader(new ByteArrayInputStream(bytes))) {
            rows.add(new ArrayList<>(r.header()));
            TabularReader.Row row;
            while ((row = r.next()) != null) {
                rows.add(row.cells());
            }
        }
        return rows;
    }

    /** A part of a workbook (read from a file: the writer streams, so entry sizes come after the data). */
    private static String sheetXml(byte[] xlsx, String entry) throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("xaso-test-", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                ZipEntry e = zip.getEntry(entry);
                assertThat(e).as(entry).isNotNull();
                String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                        .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
            }
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }

    @Test
    void csvExportHasVietnameseHeadersLabelsAndEscapedFormulas() throws Exception {
        RecordExporter.Sheet sheet = exporter.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE,
                RecordQuery.builder().sort(new org.xaso.api.record.Sort("headCitizenId", false)).build(), SheetFormat.CSV);
        assertThat(sheet.fileName()).isEqualTo("test-household-27793-2026-12-03.csv");
        String csv = new String(write(sheet), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFHọ và tên chủ hộ,Số định danh cá nhân,Giới tính,");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).endsWith("Nguồn (source),Cập nhật lúc (updatedAt),Phiên bản (version),Mã bản ghi (id)");
        assertThat(lines[1])
                .startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\",001090001234,Nam,0912345678,")
                .contains(",Ấp Bình Tây,4,12.5,150000000,12.3450,15/03/2024,,Có,Lúa,'+ghi chú,rest,");
        assertThat(lines[2]).startsWith("Lê Văn Cường,080090009999,,,,Ấp Gò Dồn,2,200.25,");
    }

    @Test
    void exportedCsvAndXlsxImportBackWithoutChange() throws Exception {
        RecordImporterImpl importer = new RecordImporterImpl(engine);
        for (SheetFormat f : SheetFormat.values()) {
            byte[] file = write(exporter.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE, RecordQuery.all(), f));
            ImportReport r = importer.importFile(TestEngines.OFFICER.toBuilder().channel("import").build(), REG,
                    TestUnits.COMMUNE, "xuat." + f.extension(), new ByteArrayInputStream(file), ImportOptions.allOrNothing());
            assertThat(r.errors()).as(f.name()).isEmpty();
            assertThat(r.unchanged()).as(f.name()).isEqualTo(3);
            assertThat(r.created() + r.updated()).as(f.name()).isZero();
        }
        assertThat(engine.search(TestEngines.OFFICER, REG, TestUnits.COMMUNE, RecordQuery.all()).items())
                .anySatisfy(r -> assertThat(r.get("headName")).isEqualTo("=HYPERLINK(\"http://x\",\"bấm\")"));
    }

    @Test
    void xlsxExportIsTypedStreamsAllRowsAndNeverHoldsFormulas() throws Exception {
        RecordExporter.Sheet sheet = exporter.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE,
                RecordQuery.builder().eq("hamlet", "Ấp Gò Dồn").limit(1).build(), SheetFormat.XLSX);
        byte[] bytes = write(sheet);
        List<List<Object>> rows = readXlsx(bytes);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("Họ và tên chủ hộ", "Ấp", "Mã bản ghi (id)");
        int members = rows.get(0).indexOf("Số nhân khẩu");
        int id = rows.get(0).indexOf("Số định danh cá nhân");
        assertThat(rows.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.get(members)).isInstanceOf(BigDecimal.class);
            assertThat(r.get(id)).isInstanceOf(String.class);
            assertThat(r.get(rows.get(0).indexOf("Ấp"))).isEqualTo("Ấp Gò Dồn");
        });

        byte[] all = write(exporter.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE, RecordQuery.all(), SheetFormat.XLSX));
        List<List<Object>> allRows = readXlsx(all);
        List<Object> first = allRows.stream().filter(r -> "001090001234".equals(r.get(id))).findFirst().orElseThrow();
        assertThat(first.get(allRows.get(0).indexOf("Ngày đăng ký"))).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(first.get(0)).isEqualTo("=HYPERLINK(\"http://x\",\"bấm\")");
        String xml = sheetXml(all, "xl/worksheets/sheet1.xml");
        assertThat(xml).doesNotContain("<f>").contains("t=\"inlineStr\"");
    }

    @Test
    void exportsAreAuditedAndCheckedBeforeWriting() throws Exception {
        write(exporter.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE, RecordQuery.builder().eq("mainCrop", "lua").build(),
                SheetFormat.CSV));
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT ACTOR, DETAIL FROM XASO_AUDIT WHERE OPERATION = 'export'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("can-bo-test");
            assertThat(rs.getString(2)).startsWith("2 records").contains("mainCrop");
        }
        assertThatThrownBy(() -> exporter.records(TestEngines.OFFICER, "khong-co", TestUnits.COMMUNE, RecordQuery.all(),
                SheetFormat.CSV)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exporter.records(TestEngines.OFFICER, REG, "99999", RecordQuery.all(), SheetFormat.CSV))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSearchTooLargeForAWorkbookIsRefusedBeforeAnythingIsWritten() throws Exception {
        RecordExporterImpl small = new RecordExporterImpl(engine, 2);
        assertThatThrownBy(() -> small.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE, RecordQuery.all(), SheetFormat.XLSX))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("format");
                    assertThat(v.code()).isEqualTo("too-many-rows");
                    assertThat(v.messageVi()).contains("CSV");
                }));
        assertThat(readXlsx(write(small.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE,
                RecordQuery.builder().eq("mainCrop", "lua").build(), SheetFormat.XLSX)))).hasSize(3);
        String csv = new String(write(small.records(TestEngines.OFFICER, REG, TestUnits.COMMUNE, RecordQuery.all(),
                SheetFormat.CSV)), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(4);
    }

    @Test
    void templateNamesEveryColumnAndExplainsCodes() throws Exception {
        byte[] csv = write(exporter.template(REG, SheetFormat.CSV));
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFHọ và tên chủ hộ *,Số định danh cá nhân *,Giới tính,");
        byte[] xlsx = write(exporter.template(REG, SheetFormat.XLSX));
        assertThat(readXlsx(xlsx).get(0)).hasSize(engine.require(REG).descriptor().fields().size()).contains("Ấp *");
        String help = sheetXml(xlsx, "xl/worksheets/sheet2.xml");
        assertThat(help).contains("lua = Lúa").doesNotContain("dua = Dứa").contains("dd/mm/yyyy");
        ImportReport r = new RecordImporterImpl(engine).importFile(TestEngines.OFFICER, REG, TestUnits.COMMUNE,
                "mau.xlsx", new ByteArrayInputStream(xlsx), ImportOptions.allOrNothing());
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("no-rows"));
    }

    @Test
    void reportsNarrowByFiltersAndExportWithTotals() throws Exception {
        StatsQuery q = engine.reportQuery(REG, "by-hamlet", Map.of("mainCrop", List.of("lua")), java.util.Set.of());
        var result = engine.stats(TestEngines.OFFICER, REG, TestUnits.COMMUNE, q);
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.rows()).hasSize(2);

        StatsQuery vietgap = engine.reportQuery(REG, "vietgap-by-crop", Map.of(), java.util.Set.of());
        var v = engine.stats(TestEngines.OFFICER, REG, TestUnits.COMMUNE, vietgap);
        assertThat(v.total()).isEqualTo(2);
        assertThat(v.rows()).singleElement().satisfies(r -> assertThat(r.labels()).containsEntry("mainCrop", "Lúa"));

        byte[] xlsx = write(exporter.stats(TestEngines.OFFICER, REG, TestUnits.COMMUNE,
                engine.reportQuery(REG, "by-hamlet", Map.of(), java.util.Set.of()), "Hộ và diện tích theo ấp", SheetFormat.XLSX));
        String xml = sheetXml(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(xml).contains("Hộ và diện tích theo ấp").contains("Xã Bình Hiệp (27793)").contains("Ấp Gò Dồn")
                .contains("Tổng cộng").contains("Tổng diện tích đất canh tác (m2)");
        assertThat(xml).contains("<v>1012.75</v>");

        assertThatThrownBy(() -> engine.reportQuery(REG, "khong-co", Map.of(), java.util.Set.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.reportQuery(REG, "by-hamlet", Map.of("groupBy", List.of("gender")), java.util.Set.of()))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).violations())
                        .singleElement().satisfies(x -> assertThat(x.code()).isEqualTo("fixed-by-report")));
        assertThatThrownBy(() -> engine.reportQuery(REG, "by-hamlet", Map.of("mainCropp", List.of("lua")), java.util.Set.of()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> engine.reportQuery(REG, "vietgap-by-crop", Map.of("vietgap", List.of("false")), java.util.Set.of()))
                .as("a caller narrows a report, never reopens its fixed filters").isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).singleElement().satisfies(x -> {
                    assertThat(x.field()).isEqualTo("vietgap");
                    assertThat(x.code()).isEqualTo("fixed-by-report");
                }));
    }

    @Test
    void csvTextCannotBeMisreadOnTheWayBack() {
        assertThat(RecordExporterImpl.csvText(new BigDecimal("12.345"))).isEqualTo("12.3450");
        assertThat(RecordExporterImpl.csvText(new BigDecimal("1234.5"))).isEqualTo("1234.5");
        assertThat(RecordExporterImpl.csvText("-1 điểm")).isEqualTo("'-1 điểm");
        assertThat(RecordExporterImpl.csvText("@user")).isEqualTo("'@user");
        assertThat(RecordExporterImpl.csvText(-5L)).isEqualTo("-5");
        assertThat(RecordExporterImpl.csvText(LocalDate.of(2024, 1, 2))).isEqualTo("02/01/2024");
    }
}
