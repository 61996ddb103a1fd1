package org.xaso.engine.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.context.CallerContext;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordQuery;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;

class RecordImporterTest {

    private static final CallerContext IMPORTER = CallerContext.builder().user("can-bo-nhap").channel("import")
            .purpose("nhập sổ").allCommunes().build();
    private static final String HEADER = "Họ và tên chủ hộ,Số định danh cá nhân,Ấp,Số nhân khẩu,Diện tích đất canh tác,Ngày đăng ký\n";

    private DataSource ds;
    private Engine engine;
    private RecordImporterImpl importer;

    @BeforeEach
    void setUp() throws Exception {
        ds = TestEngines.newDatabase();
        engine = TestEngines.engine(ds);
        importer = new RecordImporterImpl(engine);
    }

    private ImportReport run(String name, byte[] bytes, ImportOptions options) {
        return importer.importFile(IMPORTER, "test-household", TestUnits.COMMUNE, name, new ByteArrayInputStream(bytes), options);
    }

    private ImportReport run(String csv, ImportOptions options) {
        return run("ho-canh-tac.csv", csv.getBytes(StandardCharsets.UTF_8), options);
    }

    private long stored() {
        return engine.search(IMPORTER, "test-household", TestUnits.COMMUNE, RecordQuery.builder().limit(0).build()).total();
    }

    @Test
    void importsRowsMatchedByVietnameseHeadersAndIsIdempotent() throws Exception {
        String csv = HEADER
                + "Nguyễn Văn An,080090001234,Ấp Bình Tây,4,\"1.250,5\",15/03/2024\n"
                + "Trần Thị Bình,080190005678,AP2,3,800,2024-04-01\n";
        ImportReport first = run(csv, ImportOptions.allOrNothing());
        assertThat(first.errors()).isEmpty();
        assertThat(first.committed()).isTrue();
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.sha256()).hasSize(64);
        assertThat(stored()).isEqualTo(2);

        ImportReport again = run(csv, ImportOptions.allOrNothing());
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);

        ImportReport changed = run(csv.replace(",3,800,", ",5,800,"), ImportOptions.allOrNothing());
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(engine.search(IMPORTER, "test-household", TestUnits.COMMUNE, RecordQuery.builder()
                .eq("headCitizenId", "080190005678").build()).items().get(0).get("members")).isEqualTo(5L);
        assertThat(engine.search(IMPORTER, "test-household", TestUnits.COMMUNE, RecordQuery.all()).items())
                .allSatisfy(r -> assertThat(r.source()).isEqualTo("import:ho-canh-tac.csv"));
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM XASO_IMPORT_JOURNAL WHERE COMMITTED = TRUE")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void fieldIdsSemicolonsAndByteOrderMarkAreAccepted() {
        String csv = "\uFEFFheadName;headCitizenId;hamlet\nLê Văn C;080090001234;AP1\n";
        ImportReport r = run(csv, ImportOptions.allOrNothing());
        assertThat(r.errors()).isEmpty();
        assertThat(r.created()).isEqualTo(1);
    }

    @Test
    void wrongHeadersRejectTheWholeFile() {
        ImportReport r = run("Tên chủ hộ,Số CCCD,Ấp\nA,080090001234,AP1\n", ImportOptions.validRowsOnly());
        assertThat(r.committed()).isFalse();
        assertThat(r.errors()).extracting(ImportReport.RowError::code)
                .contains("unknown-column", "missing-column");
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.row()).isEqualTo(1));
        assertThat(stored()).isZero();
    }

    @Test
    void badRowsAreReportedByRowAndFieldAndAllOrNothingWritesNothing() {
        String csv = HEADER
                + "Nguyễn Văn An,080090001234,AP1,4,100,15/03/2024\n"
                + "Trần Văn B,12345,AP1,4,100,31/02/2024\n"
                + "Lê Thị C,080190001234,Ấp Không Có,4,100,01/01/2024\n"
                + "Phạm Văn D,080090001234,AP2,2,100,01/01/2024\n";
        ImportReport r = run(csv, ImportOptions.allOrNothing());
        assertThat(r.committed()).isFalse();
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).contains("headCitizenId");
            assertThat(e.code()).isEqualTo("invalid-citizen-id");
        }).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.code()).isEqualTo("not-a-date");
        }).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.code()).isEqualTo("unknown-hamlet");
        }).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(5);
            assertThat(e.code()).isEqualTo("duplicate-in-file");
            assertThat(e.messageVi()).contains("dòng 2");
        });
        assertThat(stored()).isZero();
    }

    @Test
    void validRowsOnlyWritesTheGoodRows() {
        String csv = HEADER
                + "Nguyễn Văn An,080090001234,AP1,4,100,15/03/2024\n"
                + "Trần Văn B,12345,AP1,4,100,01/01/2024\n";
        ImportReport r = run(csv, ImportOptions.validRowsOnly());
        assertThat(r.committed()).isTrue();
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() {
        assertThat(run("", ImportOptions.allOrNothing()).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("empty-file"));
        assertThat(run(HEADER, ImportOptions.allOrNothing()).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("no-rows"));
    }

    @Test
    void binaryAndLegacyEncodedFilesAreRefusedClearly() {
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, (byte) 0xff, (byte) 0xfe, 0x00, 0x00, 0x0a};
        ImportReport r = run("so-lieu.csv", zip, ImportOptions.allOrNothing());
        assertThat(r.committed()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("unreadable-file");
            assertThat(e.messageVi()).contains("UTF-8");
        });
        byte[] legacy = (HEADER + "Nguyễn Văn An,080090001234,AP1,4,100,15/03/2024\n").getBytes(Charset.forName("windows-1258"));
        assertThat(run("cu.csv", legacy, ImportOptions.allOrNothing()).errors()).anySatisfy(e ->
                assertThat(e.code()).isEqualTo("unreadable-file"));
        assertThat(stored()).isZero();
    }

    @Test
    void otherFormatsAreRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("so-lieu.pdf", new byte[] {1}, ImportOptions.allOrNothing()))
                .isInstanceOf(org.xaso.api.error.ValidationException.class).hasMessageContaining(".csv");
    }

    @Test
    void registersWithoutNaturalKeyRefuseTheSameFileTwice() {
        var h = engine.create(TestEngines.OFFICER, "test-household", TestUnits.COMMUNE,
                Map.of("headName", "A", "headCitizenId", "080090001234", "hamlet", "AP1"));
        String csv = "household,plotNumber,area\n" + h.id() + ",12,300\n" + h.id() + ",13,400\n";
        ImportReport first = importer.importFile(IMPORTER, "test-plot", TestUnits.COMMUNE, "thua.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportOptions.allOrNothing());
        assertThat(first.created()).isEqualTo(2);
        ImportReport second = importer.importFile(IMPORTER, "test-plot", TestUnits.COMMUNE, "thua-lan-2.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportOptions.allOrNothing());
        assertThat(second.created()).isZero();
        assertThat(second.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("already-imported"));
        assertThat(engine.search(IMPORTER, "test-plot", TestUnits.COMMUNE, RecordQuery.all()).total()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ .xlsx

    /** Writes a workbook whose first sheet holds the rows; cells typed as given (String, Number, LocalDate...). */
    private static byte[] xlsx(List<List<Object>> rows) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Sổ hộ");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof String str) {
                    ws.value(r, c, str);
                } else if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v instanceof java.time.LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format("dd/mm/yyyy").set();
                } else if (v instanceof Boolean b) {
                    ws.value(r, c, b);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private static final List<Object> XLSX_HEADER = List.of("Họ và tên chủ hộ *", "Số định danh cá nhân *", "Ấp *",
            "Số nhân khẩu", "Diện tích đất canh tác", "Ngày đăng ký", "Số điện thoại");

    @Test
    void xlsxCellsKeepTheirTypesAndLostLeadingZerosComeBack() throws Exception {
        byte[] file = xlsx(List.of(XLSX_HEADER,
                List.of("Nguyễn Văn An", 1090001234L, "Ấp Bình Tây", 4, new java.math.BigDecimal("1250.5"),
                        java.time.LocalDate.of(2024, 3, 15), 912345678L),
                List.of("Tra\u0302\u0300n Thi\u0323 Bi\u0300nh", "080190005678", "AP2", 3.0, 800, "01/04/2024", "0912 345 679")));
        ImportReport r = run("ho.xlsx", file, ImportOptions.allOrNothing());
        assertThat(r.errors()).isEmpty();
        assertThat(r.created()).isEqualTo(2);
        var an = engine.search(IMPORTER, "test-household", TestUnits.COMMUNE, RecordQuery.builder()
                .eq("headCitizenId", "001090001234").build()).items();
        assertThat(an).singleElement().satisfies(x -> {
            assertThat(x.get("registeredOn")).isEqualTo(java.time.LocalDate.of(2024, 3, 15));
            assertThat(x.get("landArea")).isEqualTo(new java.math.BigDecimal("1250.5"));
            assertThat(x.get("phone")).isEqualTo("0912345678");
        });
        var binh = engine.search(IMPORTER, "test-household", TestUnits.COMMUNE, RecordQuery.builder()
                .eq("headCitizenId", "080190005678").build()).items().get(0);
        assertThat(binh.get("headName")).isEqualTo(java.text.Normalizer.normalize("Trần Thị Bình", java.text.Normalizer.Form.NFC));
        assertThat(binh.get("members")).isEqualTo(3L);
        assertThat(run("ho.xlsx", file, ImportOptions.allOrNothing()).unchanged()).isEqualTo(2);
    }

    @Test
    void brokenWorkbooksAreReportedByRowAndField() throws Exception {
        byte[] wrongHeaders = xlsx(List.of(List.of("Tên", "CCCD", "Ấp"), List.of("A", "080090001234", "AP1")));
        ImportReport h = run("sai-tieu-de.xlsx", wrongHeaders, ImportOptions.validRowsOnly());
        assertThat(h.committed()).isFalse();
        assertThat(h.errors()).extracting(ImportReport.RowError::code).contains("unknown-column", "missing-column");

        byte[] bad = xlsx(List.of(XLSX_HEADER,
                List.of("Nguyễn Văn An", "080090001234", "AP1", 4, 100, "31/02/2024"),
                List.of("Trần Văn B", "080090001235", "AP1", 4, 100, "15/03/2024"),
                List.of("Lê Văn C", 12345, "AP1", 4, 100, "15/03/2024"),
                List.of("Phạm Văn D", "080090001235", "AP2", 2, 100, java.time.LocalDate.of(2024, 1, 1)),
                List.of("Võ Văn E", "080090001236", "AP1", 4, "12.000", java.time.LocalDate.of(2024, 1, 1))));
        ImportReport r = run("loi.xlsx", bad, ImportOptions.allOrNothing());
        assertThat(r.committed()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.field()).contains("registeredOn");
            assertThat(e.code()).isEqualTo("not-a-date");
        }).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.code()).isEqualTo("invalid-citizen-id");
        }).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(6);
            assertThat(e.code()).isEqualTo("ambiguous-number");
        });
        assertThat(stored()).isZero();

        ImportReport valid = run("loi.xlsx", bad, ImportOptions.validRowsOnly());
        assertThat(valid.committed()).isTrue();
        assertThat(valid.created()).isEqualTo(1);
        assertThat(valid.errors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(5);
            assertThat(e.code()).isEqualTo("duplicate-in-file");
        });
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void emptyRenamedAndOldWorkbooksAreRefusedClearly() throws Exception {
        ImportReport empty = run("rong.xlsx", xlsx(List.of()), ImportOptions.allOrNothing());
        assertThat(empty.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("empty-file"));
        ImportReport headerOnly = run("tieu-de.xlsx", xlsx(List.of(XLSX_HEADER)), ImportOptions.allOrNothing());
        assertThat(headerOnly.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("no-rows"));

        ImportReport renamed = run("bao-cao.xlsx", "%PDF-1.4 not a workbook".getBytes(StandardCharsets.US_ASCII),
                ImportOptions.allOrNothing());
        assertThat(renamed.committed()).isFalse();
        assertThat(renamed.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("unreadable-file");
            assertThat(e.messageVi()).contains("không phải bảng tính Excel");
        });
        byte[] zipNotWorkbook;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.US_ASCII));
        }
        zipNotWorkbook = out.toByteArray();
        assertThat(run("nen.xlsx", zipNotWorkbook, ImportOptions.allOrNothing()).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("unreadable-file"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF},
                ImportOptions.allOrNothing())).isInstanceOf(org.xaso.api.error.ValidationException.class)
                .hasMessageContaining(".xlsx");
        assertThat(stored()).isZero();
    }

    @Test
    void exportedIdsUpdateRecordsOfRegistersWithoutNaturalKey() {
        var h = engine.create(TestEngines.OFFICER, "test-household", TestUnits.COMMUNE,
                Map.of("headName", "A", "headCitizenId", "080090001234", "hamlet", "AP1"));
        var plot = engine.create(TestEngines.OFFICER, "test-plot", TestUnits.COMMUNE,
                Map.of("household", h.id().toString(), "plotNumber", "12", "area", "300"));
        String csv = "household,plotNumber,area,Mã bản ghi (id)\n" + h.id() + ",12,350," + plot.id() + "\n";
        ImportReport r = importer.importFile(IMPORTER, "test-plot", TestUnits.COMMUNE, "thua-sua.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportOptions.allOrNothing());
        assertThat(r.errors()).isEmpty();
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.created()).isZero();
        assertThat(engine.get(IMPORTER, "test-plot", TestUnits.COMMUNE, plot.id()).get("area"))
                .isEqualTo(new java.math.BigDecimal("350"));
    }

    @Test
    void formulaEscapesOfAnExportAreTakenOff() {
        String csv = HEADER.replace("\n", ",Ghi chú\n") + "'=Nguyễn Văn An,080090001234,AP1,4,100,15/03/2024,'+ý kiến\n";
        ImportReport r = run(csv, ImportOptions.allOrNothing());
        assertThat(r.errors()).isEmpty();
        var rec = engine.search(IMPORTER, "test-household", TestUnits.COMMUNE, RecordQuery.all()).items().get(0);
        assertThat(rec.get("headName")).isEqualTo("=Nguyễn Văn An");
        assertThat(rec.get("note")).isEqualTo("+ý kiến");
    }
}
