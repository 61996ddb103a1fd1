package org.xaso.engine.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
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
}
