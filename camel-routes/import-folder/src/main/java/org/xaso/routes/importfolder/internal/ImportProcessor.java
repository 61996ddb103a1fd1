package org.xaso.routes.importfolder.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.XasoException;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordImporter;

/**
 * Imports one dropped file through the engine. The folder names the commune and the register
 * ({@code <commune>/<register>/<file>.csv}); the outcome header says where Camel moves the file (done or error) and
 * the body becomes the report written beside it.
 */
final class ImportProcessor implements Processor {

    static final String OUTCOME = "XasoOutcome";
    static final String STAMP = "XasoStamp";
    static final String REPORT_NAME = "XasoReportName";
    private static final Logger LOG = LoggerFactory.getLogger(ImportProcessor.class);
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final RecordImporter importer;
    private final ImportOptions options;
    private final Clock clock;

    ImportProcessor(RecordImporter importer, ImportOptions options, Clock clock) {
        this.importer = importer;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String[] parts = relative.replace('\\', '/').split("/");
        String stamp = LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).format(STAMP_FORMAT);
        exchange.getIn().setHeader(STAMP, stamp);
        exchange.getIn().setHeader(REPORT_NAME, stamp + "-" + name + ".report.csv");
        ImportReport report;
        if (parts.length != 3) {
            report = fileError(name, "wrong-folder", "Tệp phải nằm trong import/<mã xã>/<mã sổ>/",
                    "the file must be in import/<commune>/<register>/");
        } else {
            String commune = parts[0];
            String register = parts[1];
            CallerContext ctx = CallerContext.builder().user("import-folder").channel("import")
                    .purpose("nhập tệp từ thư mục / folder import").allCommunes().build();
            try (InputStream in = exchange.getIn().getBody(InputStream.class)) {
                report = importer.importFile(ctx, register, commune, name, in, options);
            } catch (XasoException e) {
                report = fileError(name, e.problemCode(), e.messageVi(), e.getMessage());
            }
        }
        boolean ok = report.errors().stream().allMatch(e -> "already-imported".equals(e.code()));
        exchange.getIn().setHeader(OUTCOME, ok ? "done" : "error");
        exchange.getIn().setBody(reportCsv(report));
        LOG.info("Folder import {}: {} ({} rows, {} created, {} updated, {} unchanged, {} refused)", relative,
                ok ? "done" : "error", report.rows(), report.created(), report.updated(), report.unchanged(), report.rejected());
    }

    private static ImportReport fileError(String name, String code, String vi, String en) {
        return new ImportReport(name, null, 0, 0, 0, 0, 0, false, List.of(new ImportReport.RowError(0, "", code, vi, en)));
    }

    /** The report as a spreadsheet: a summary line, then one line per refused cell. Formula-like cells are escaped. */
    static byte[] reportCsv(ImportReport r) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("Dòng,Trường,Mã lỗi,Lý do,Reason\r\n");
        String vi = "Tệp " + r.fileName() + ": " + r.rows() + " dòng; " + r.created() + " tạo mới; " + r.updated()
                + " cập nhật; " + r.unchanged() + " không đổi; " + r.rejected() + " bị từ chối; "
                + (r.committed() ? "đã ghi vào sổ" : "không ghi gì");
        String en = r.rows() + " rows; " + r.created() + " created; " + r.updated() + " updated; " + r.unchanged()
                + " unchanged; " + r.rejected() + " refused; " + (r.committed() ? "written" : "nothing written");
        line(sb, "0", "", "summary", vi, en);
        for (ImportReport.RowError e : r.errors()) {
            line(sb, Integer.toString(e.row()), e.field(), e.code(), e.messageVi(), e.messageEn());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append("\r\n");
    }

    /** Quotes a cell; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
    static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
