package org.xaso.engine.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.RecordExporter;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.SheetFormat;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.record.StatsResult;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.store.Deployed;
import org.xaso.engine.internal.values.FieldCoercer;

/**
 * Spreadsheets out of the engine. Records are read with a database cursor and written row by row (an .xlsx sheet is
 * flushed every few hundred rows, text goes inline instead of into a shared-strings table), so an export of a million
 * records needs no more memory than one of ten.
 */
public final class RecordExporterImpl implements RecordExporter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordExporterImpl.class);
    /** Rows per sheet Excel can show, minus the header. */
    public static final long MAX_XLSX_ROWS = 1_048_575;
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VN_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** A decimal that would read back as thousands ("12.345"): one more zero keeps it a decimal ("12.3450"). */
    private static final Pattern AMBIGUOUS = Pattern.compile("-?\\d{1,3}\\.\\d{3}");

    /** Columns after the fields: what the record is, not what it says. The importer skips them. */
    static final String COL_SOURCE = "Nguồn (source)";
    static final String COL_SYNCED = "Đồng bộ lúc (syncedAt)";
    static final String COL_UPDATED = "Cập nhật lúc (updatedAt)";
    static final String COL_VERSION = "Phiên bản (version)";
    static final String COL_ID = "Mã bản ghi (id)";

    private final Engine engine;
    private final long maxXlsxRows;

    public RecordExporterImpl(Engine engine) {
        this(engine, MAX_XLSX_ROWS);
    }

    /** With another row limit for workbooks (tests). */
    RecordExporterImpl(Engine engine, long maxXlsxRows) {
        this.engine = engine;
        this.maxXlsxRows = maxXlsxRows;
    }

    @Override
    public Sheet records(CallerContext ctx, String registerId, String commune, RecordQuery query, SheetFormat format) {
        Deployed d = engine.access(ctx, registerId, commune, false);
        RecordQuery q = engine.resolveHamlets(d, commune, query);
        if (format == SheetFormat.XLSX) {
            RecordQuery.Builder count = RecordQuery.builder().text(q.text()).includeDeleted(q.includeDeleted()).limit(0);
            q.filters().forEach(count::filter);
            long total = engine.search(ctx, registerId, commune, count.build()).total();
            if (total > maxXlsxRows) {
                throw new ValidationException(ValidationException.Location.QUERY, new FieldViolation("format",
                        "too-many-rows", "Tìm được " + total + " bản ghi, quá số dòng một trang Excel chứa được ("
                        + maxXlsxRows + "): thu hẹp điều kiện tìm hoặc xuất CSV",
                        total + " records match, more than an .xlsx sheet holds (" + maxXlsxRows
                                + "): narrow the search or export CSV"));
            }
        }
        String name = registerId + "-" + commune + "-" + LocalDate.now(engine.clock().withZone(FieldCoercer.VIETNAM))
                + "." + format.extension();
        return new SheetImpl(name, format) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                long n = writeRecords(ctx, d, commune, q, format, out);
                audit(ctx, d, commune, "export", n + " records to " + name + " (" + describe(q) + ")");
            }
        };
    }

    @Override
    public Sheet stats(CallerContext ctx, String registerId, String commune, StatsQuery query, String titleVi,
                       SheetFormat format) {
        StatsResult result = engine.stats(ctx, registerId, commune, query);
        RegisterDescriptor reg = engine.require(registerId).descriptor();
        String name = registerId + "-" + commune + "-thong-ke-" + LocalDate.now(engine.clock().withZone(FieldCoercer.VIETNAM))
                + "." + format.extension();
        List<String> title = List.of(titleVi == null ? "Thống kê " + reg.nameVi() : titleVi,
                "Đơn vị: " + unitName(commune)
                        + " — lập ngày " + LocalDate.now(engine.clock().withZone(FieldCoercer.VIETNAM)).format(VN_DATE));
        return new SheetImpl(name, format) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                Table t = StatsTable.of(reg, query, result);
                SheetWriter w = SheetWriter.open(format, out, "Thống kê");
                if (format == SheetFormat.XLSX) {
                    for (String line : title) {
                        w.title(line);
                    }
                }
                w.header(t.header());
                for (List<Object> row : t.rows()) {
                    w.row(row);
                }
                w.total(t.total());
                w.finish();
            }
        };
    }

    @Override
    public Sheet template(String registerId, SheetFormat format) {
        RegisterDescriptor reg = engine.require(registerId).descriptor();
        return new SheetImpl(registerId + "-mau-nhap." + format.extension(), format) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                SheetWriter w = SheetWriter.open(format, out, "Nhập liệu");
                List<String> header = new ArrayList<>();
                for (FieldDescriptor f : importable(reg)) {
                    header.add(f.labelVi() + (f.required() ? " *" : ""));
                }
                w.header(header);
                if (format == SheetFormat.XLSX) {
                    w.sheet("Hướng dẫn");
                    w.header(List.of("Cột", "Mã trường", "Bắt buộc", "Kiểu", "Cách ghi", "Giá trị được chấp nhận"));
                    for (FieldDescriptor f : importable(reg)) {
                        w.row(List.of(f.labelVi(), f.name(), f.required() ? "Có" : "", typeVi(f.type()), howTo(f),
                                allowed(reg, f)));
                    }
                }
                w.finish();
            }
        };
    }

    private String unitName(String commune) {
        try {
            return engine.units().requireCurrentCommune(commune).name() + " (" + commune + ")";
        } catch (RuntimeException e) {
            return commune;
        }
    }

    /** The fields an officer fills in: all of them, in order. */
    static List<FieldDescriptor> importable(RegisterDescriptor reg) {
        return reg.fields();
    }

    private long writeRecords(CallerContext ctx, Deployed d, String commune, RecordQuery q, SheetFormat format,
                              OutputStream out) throws IOException {
        RegisterDescriptor reg = d.descriptor();
        boolean synced = reg.flags().externalSource() != null;
        List<String> header = new ArrayList<>();
        for (FieldDescriptor f : reg.fields()) {
            header.add(f.labelVi());
        }
        header.add(COL_SOURCE);
        if (synced) {
            header.add(COL_SYNCED);
        }
        header.add(COL_UPDATED);
        header.add(COL_VERSION);
        header.add(COL_ID);
        SheetWriter w = SheetWriter.open(format, out, reg.nameVi());
        w.header(header);
        Engine.Lookups lookups = engine.lookups();
        long[] count = {0};
        try {
            engine.inTransaction(c -> {
                try {
                    return engine.repository().scan(c, d, commune, q, r -> {
                        if (format == SheetFormat.XLSX && count[0] >= maxXlsxRows) {
                            // records added since the count was taken: the workbook stops, visibly incomplete
                            throw new IOException("more than " + maxXlsxRows + " rows: an .xlsx sheet cannot hold them");
                        }
                        w.row(cells(d, commune, r, synced, lookups));
                        count[0]++;
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.finish();
        return count[0];
    }

    private List<Object> cells(Deployed d, String commune, RegisterRecord r, boolean synced, Engine.Lookups lookups) {
        List<Object> row = new ArrayList<>(d.descriptor().fields().size() + 5);
        for (FieldDescriptor f : d.descriptor().fields()) {
            Object v = r.get(f.name());
            if (v != null && f.type().isCoded()) {
                String label = engine.label(d, f, v.toString(), commune, lookups);
                v = label != null ? label : v;
            } else if (v instanceof Boolean b) {
                v = b ? "Có" : "Không";
            } else if (v instanceof Long l && f.type() == FieldType.MONEY) {
                v = new Money(l);
            } else if (f.type() == FieldType.CITIZEN_ID || f.type() == FieldType.PHONE) {
                v = v == null ? null : new Text(v.toString());
            }
            row.add(v);
        }
        row.add(r.source());
        if (synced) {
            row.add(r.syncedAt());
        }
        row.add(r.updatedAt());
        row.add(r.version());
        row.add(r.id().toString());
        return row;
    }

    private void audit(CallerContext ctx, Deployed d, String commune, String operation, String detail) {
        try {
            engine.inTransaction(c -> {
                engine.repository().audit(c, ctx, operation, d.id(), commune, null, null, detail, engine.clock().instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not audit the export of {}/{} by {}", d.id(), commune, ctx.user(), e);
        }
    }

    private static String describe(RecordQuery q) {
        StringBuilder sb = new StringBuilder();
        q.filters().forEach(f -> sb.append(sb.length() > 0 ? ", " : "").append(f.field()).append(' ')
                .append(f.op().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(f.values()));
        if (q.text() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("q=").append(q.text());
        }
        return sb.length() == 0 ? "no filter" : sb.toString();
    }

    static String typeVi(FieldType t) {
        return switch (t) {
            case TEXT -> "Chữ";
            case LONG_TEXT -> "Đoạn văn";
            case INTEGER -> "Số nguyên";
            case DECIMAL -> "Số thập phân";
            case MONEY -> "Số tiền (đồng)";
            case AREA -> "Diện tích";
            case DATE -> "Ngày";
            case DATE_TIME -> "Ngày giờ";
            case BOOLEAN -> "Có/Không";
            case CODE -> "Mã danh mục";
            case HAMLET -> "Ấp/khu phố";
            case CITIZEN_ID -> "Số định danh cá nhân";
            case PHONE -> "Số điện thoại";
            case EMAIL -> "Thư điện tử";
            case REFERENCE -> "Mã bản ghi liên kết";
        };
    }

    static String howTo(FieldDescriptor f) {
        StringBuilder sb = new StringBuilder();
        switch (f.type()) {
            case DATE -> sb.append("dd/mm/yyyy, ví dụ 15/03/2024");
            case DATE_TIME -> sb.append("dd/mm/yyyy hh:mm, ví dụ 15/03/2024 08:30");
            case BOOLEAN -> sb.append("Có hoặc Không");
            case CITIZEN_ID -> sb.append("12 chữ số; định dạng ô là Văn bản để giữ số 0 đầu");
            case PHONE -> sb.append("10 chữ số, ví dụ 0912345678");
            case MONEY -> sb.append("số đồng, không ghi đơn vị");
            case DECIMAL, AREA -> sb.append("dấu phẩy hoặc dấu chấm thập phân, ví dụ 1250,5")
                    .append(f.unit() != null ? " (" + f.unit() + ")" : "");
            case INTEGER -> sb.append(f.unit() != null ? "số nguyên (" + f.unit() + ")" : "số nguyên");
            case CODE, HAMLET -> sb.append("mã hoặc tên");
            case REFERENCE -> sb.append("mã bản ghi của sổ " + f.refRegister());
            default -> sb.append(f.maxLength() != null ? "tối đa " + f.maxLength() + " ký tự" : "");
        }
        if (f.min() != null || f.max() != null) {
            sb.append("; từ ").append(f.min() == null ? "…" : f.min().toPlainString()).append(" đến ")
                    .append(f.max() == null ? "…" : f.max().toPlainString());
        }
        if (f.hintVi() != null) {
            sb.append("; ").append(f.hintVi());
        }
        return sb.toString();
    }

    static String allowed(RegisterDescriptor reg, FieldDescriptor f) {
        if (f.type() == FieldType.HAMLET) {
            return "tên hoặc mã ấp/khu phố của đơn vị";
        }
        if (f.type() != FieldType.CODE) {
            return "";
        }
        CodeList list = reg.codeList(f.codeList()).orElse(null);
        if (list == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (CodeValue v : list.values()) {
            if (!v.active()) {
                continue;
            }
            if (sb.length() > 30_000) {
                sb.append("…");
                break;
            }
            sb.append(sb.length() > 0 ? "; " : "").append(v.code()).append(" = ").append(v.labelVi());
        }
        return sb.toString();
    }

    /** Text that must stay text even when it is all digits (ID numbers keep their leading zeros). */
    record Text(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    /** An amount in đồng: a whole number shown with thousands separators. */
    record Money(long value) {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** Plain string form of a value for CSV: dates the Vietnamese way, decimals that cannot be misread. */
    static String csvText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDate d) {
            return d.format(VN_DATE);
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, FieldCoercer.VIETNAM).format(VN_DATE_TIME);
        }
        if (v instanceof BigDecimal bd) {
            String s = bd.toPlainString();
            return AMBIGUOUS.matcher(s).matches() ? s + "0" : s;
        }
        if (v instanceof Number || v instanceof Money) {
            return v.toString();
        }
        return escapeFormula(v.toString());
    }

    /**
     * Text starting with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet programs that open a
     * CSV file; a leading apostrophe makes it plain text (and the importer takes it off again).
     */
    public static String escapeFormula(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** A table ready to write: header, rows, total. */
    record Table(List<String> header, List<List<Object>> rows, List<Object> total) {
    }

    /** Statistics as a table: one label column per dimension, then the count and the measures. */
    static final class StatsTable {
        static Table of(RegisterDescriptor reg, StatsQuery q, StatsResult result) {
            List<String> header = new ArrayList<>();
            for (StatsQuery.GroupBy g : q.groupBy()) {
                String label = reg.field(g.field()).map(FieldDescriptor::labelVi).orElse(g.field());
                header.add(switch (g.granularity()) {
                    case YEAR -> label + " (năm)";
                    case MONTH -> label + " (tháng)";
                    default -> label;
                });
            }
            header.add("Số bản ghi");
            for (StatsQuery.Measure m : q.measures()) {
                FieldDescriptor f = reg.field(m.field()).orElseThrow();
                header.add(switch (m.function()) {
                    case SUM -> "Tổng ";
                    case AVG -> "Trung bình ";
                    case MIN -> "Nhỏ nhất ";
                    case MAX -> "Lớn nhất ";
                } + f.labelVi().toLowerCase(java.util.Locale.forLanguageTag("vi")) + (f.unit() != null ? " (" + f.unit() + ")" : ""));
            }
            List<List<Object>> rows = new ArrayList<>();
            Map<String, BigDecimal> sums = new java.util.LinkedHashMap<>();
            for (StatsResult.Row r : result.rows()) {
                List<Object> row = new ArrayList<>();
                for (String key : result.groupBy()) {
                    Object k = r.keys().get(key);
                    String label = r.labels().get(key);
                    row.add(k == null ? "(chưa ghi)" : label != null ? label : k instanceof Boolean b ? (b ? "Có" : "Không") : k);
                }
                row.add(r.count());
                for (String m : result.measures()) {
                    Number n = r.values().get(m);
                    row.add(n);
                    if (n != null && m.startsWith("sum:")) {
                        sums.merge(m, new BigDecimal(n.toString()), BigDecimal::add);
                    }
                }
                rows.add(row);
            }
            List<Object> total = new ArrayList<>();
            for (int i = 0; i < result.groupBy().size(); i++) {
                total.add(i == 0 ? "Tổng cộng" : null);
            }
            if (result.groupBy().isEmpty()) {
                total = new ArrayList<>();
            }
            total.add(result.total());
            for (String m : result.measures()) {
                total.add(sums.get(m));
            }
            return new Table(header, rows, result.groupBy().isEmpty() ? null : total);
        }
    }

    private abstract static class SheetImpl implements Sheet {
        private final String fileName;
        private final SheetFormat format;

        SheetImpl(String fileName, SheetFormat format) {
            this.fileName = fileName;
            this.format = format;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public SheetFormat format() {
            return format;
        }
    }
}
