package org.xaso.engine.internal.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordImporter;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.schema.SchemaManager;
import org.xaso.engine.internal.store.Deployed;
import org.xaso.engine.internal.store.RecordRepository;
import org.xaso.engine.internal.text.VietnameseText;

/**
 * Imports a spreadsheet (.xlsx or .csv) through the engine in one transaction: each row is validated like any other
 * write; a row whose natural key matches a stored record updates it (or leaves it alone when nothing differs); in
 * all-or-nothing mode any refused row rolls the whole file back. Registers without a natural key refuse a file already
 * imported (same SHA-256), so dropping a file twice never duplicates records. New records are written in batches; the
 * file is read as a stream (an .xlsx is first copied to a temporary file so that it can be read by parts). Every
 * import is journalled and audited.
 */
public final class RecordImporterImpl implements RecordImporter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordImporterImpl.class);
    private static final int BATCH = 500;

    /** Columns of an export that describe the record, not its data: accepted and skipped on import. */
    static final Set<String> SYSTEM_COLUMNS = Set.of("id", "ma ban ghi", "ma ban ghi (id)", "version", "phien ban",
            "phien ban (version)", "source", "nguon", "nguon (source)", "updatedat", "cap nhat luc",
            "cap nhat luc (updatedat)", "communecode", "ma don vi", "syncedat", "dong bo luc", "dong bo luc (syncedat)");

    private final Engine engine;

    public RecordImporterImpl(Engine engine) {
        this.engine = engine;
    }

    /** The spreadsheet formats accepted, by file name. */
    enum Format {
        CSV, XLSX
    }

    static Format format(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return Format.CSV;
        }
        if (lower.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        throw new ValidationException(ValidationException.Location.BODY, new FieldViolation("file", "unsupported-format",
                lower.endsWith(".xls") ? "Tệp .xls (Excel 97-2003) không được hỗ trợ: hãy mở trong Excel và Lưu thành .xlsx"
                        : "Chỉ nhận tệp .xlsx hoặc .csv",
                lower.endsWith(".xls") ? "old .xls workbooks are not supported: save as .xlsx" : "only .xlsx and .csv files are accepted"));
    }

    @Override
    public ImportReport importFile(CallerContext ctx, String registerId, String commune, String fileName,
                                   InputStream in, ImportOptions options) {
        Deployed d = engine.access(ctx, registerId, commune, true);
        String name = fileName == null || fileName.isBlank() ? "import.csv" : Path.of(fileName.strip()).getFileName().toString();
        Format format = format(name);
        String shortName = name.length() > 150 ? name.substring(name.length() - 150) : name;
        CallerContext writer = ctx.toBuilder().source("import:" + shortName).build();
        Instant started = engine.clock().instant();
        ImportReport report;
        Path temp = null;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            TabularReader reader;
            if (format == Format.XLSX) {
                temp = Files.createTempFile("xaso-import-", ".xlsx");
                try (OutputStream out = Files.newOutputStream(temp); DigestInputStream din = new DigestInputStream(in, sha)) {
                    din.transferTo(out);
                }
                reader = new XlsxTabularReader(new BufferedInputStream(Files.newInputStream(temp)));
                if (!zip(temp)) {
                    reader.close();
                    reader = null;
                }
            } else {
                reader = new CsvTabularReader(new DigestInputStream(in, sha));
            }
            if (reader == null) {
                report = unreadable(name, HexFormat.of().formatHex(sha.digest()),
                        "Tệp không phải bảng tính Excel .xlsx (có thể là tệp khác bị đổi đuôi thành .xlsx)",
                        "the file is not an .xlsx workbook (another file renamed .xlsx?)");
            } else {
                try (TabularReader r = reader) {
                    report = run(writer, d, commune, name, r, sha, format == Format.CSV ? in : null, options);
                }
            }
        } catch (IOException e) {
            String vi = e instanceof TabularReader.UnreadableException u ? u.messageVi() : "Không đọc được tệp: " + e.getMessage();
            report = unreadable(name, null, vi, e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Temporary file {} not deleted: {}", temp, e.getMessage());
                }
            }
        }
        journal(ctx, d, commune, report, options, started);
        LOG.info("Import of {} into {}/{} by {}: {} rows, {} created, {} updated, {} unchanged, {} refused, {}",
                name, registerId, commune, ctx.user(), report.rows(), report.created(), report.updated(),
                report.unchanged(), report.rejected(), report.committed() ? "committed" : "nothing written");
        return report;
    }

    private static boolean zip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static ImportReport unreadable(String name, String sha, String vi, String en) {
        return new ImportReport(name, sha, 0, 0, 0, 0, 0, false,
                List.of(new ImportReport.RowError(0, "", "unreadable-file", vi, en)));
    }

    private ImportReport run(CallerContext ctx, Deployed d, String commune, String name, TabularReader reader,
                             MessageDigest sha, InputStream rest, ImportOptions options) throws IOException {
        RegisterDescriptor reg = d.descriptor();
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<String> header = reader.header();
        if (header == null) {
            drain(rest);
            return new ImportReport(name, hex(sha, rest), 0, 0, 0, 0, 0, false, List.of(new ImportReport.RowError(0, "",
                    "empty-file", "Tệp rỗng: không có dòng tiêu đề", "the file is empty")));
        }
        FieldDescriptor[] columns = mapHeader(reg, header, errors);
        if (!errors.isEmpty()) {
            return new ImportReport(name, hex(sha, rest), 0, 0, 0, 0, 0, false, errors);
        }
        int idColumn = idColumn(header);
        boolean allOrNothing = options.mode() == ImportOptions.Mode.ALL_OR_NOTHING;
        return engine.inTransaction(c -> {
            int rows = 0;
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int rejected = 0;
            Engine.Lookups lookups = engine.lookups();
            boolean keyed = !reg.naturalKey().isEmpty();
            Map<String, UUID> stored = keyed ? engine.repository().naturalKeys(c, d, commune) : Map.of();
            Map<String, Integer> keysInFile = new HashMap<>();
            Instant now = engine.clock().instant();
            Instant synced = engine.syncedAt(d, ctx, now);
            List<Integer> batchRows = new ArrayList<>();
            try (RecordRepository.Batch batch = engine.repository().batch(c, d)) {
                TabularReader.Row row;
                while ((row = nextRow(reader, errors)) != null) {
                    if (row.blank()) {
                        continue;
                    }
                    rows++;
                    Map<String, Object> raw = new LinkedHashMap<>();
                    for (int i = 0; i < columns.length && i < row.cells().size(); i++) {
                        Object cell = row.cells().get(i);
                        if (columns[i] != null && cell != null && !(cell instanceof String s && s.isBlank())) {
                            raw.put(columns[i].name(), unescapeFormula(cell));
                        }
                    }
                    if (row.cells().size() > header.size() && row.cells().subList(header.size(), row.cells().size())
                            .stream().anyMatch(x -> x != null && !(x instanceof String s && s.isBlank()))) {
                        errors.add(new ImportReport.RowError(row.number(), "", "extra-cells",
                                "Dòng có nhiều ô hơn số cột tiêu đề", "the row has more cells than the header"));
                        rejected++;
                        continue;
                    }
                    Map<String, Object> typed = new LinkedHashMap<>();
                    List<FieldViolation> v = engine.check(c, ctx, d, commune, raw, null, lookups, typed);
                    String key = RecordRepository.naturalKey(d.table(), typed);
                    if (v.isEmpty() && key != null) {
                        Integer first = keysInFile.putIfAbsent(key, row.number());
                        if (first != null) {
                            v.add(new FieldViolation(String.join(",", reg.naturalKey()), "duplicate-in-file",
                                    "Trùng khóa với dòng " + first + " của tệp", "same key as row " + first + " of the file"));
                        }
                    }
                    if (!v.isEmpty()) {
                        rejected++;
                        for (FieldViolation x : v) {
                            errors.add(new ImportReport.RowError(row.number(), label(reg, x.field()), x.code(), x.messageVi(), x.messageEn()));
                        }
                        continue;
                    }
                    if (allOrNothing && rejected > 0) {
                        continue;
                    }
                    UUID existing = key == null ? null : stored.get(key);
                    if (existing == null && idColumn >= 0 && idColumn < row.cells().size()) {
                        existing = exportedId(c, d, commune, row.cells().get(idColumn));
                    }
                    if (existing == null) {
                        UUID id = UUID.randomUUID();
                        batch.add(commune, id, typed, ctx, now, synced);
                        batchRows.add(row.number());
                        if (key != null) {
                            stored.put(key, id);
                        }
                        created++;
                        if (batch.pending() >= BATCH) {
                            rejected += flush(c, batch, batchRows, allOrNothing, errors, d);
                        }
                        continue;
                    }
                    Savepoint sp = allOrNothing ? null : c.setSavepoint();
                    try {
                        RegisterRecord old = engine.repository().find(c, d, commune, existing).orElseThrow();
                        Map<String, Object> again = new LinkedHashMap<>();
                        List<FieldViolation> v2 = engine.check(c, ctx, d, commune, raw, old.data(), lookups, again);
                        if (!v2.isEmpty()) {
                            throw new ValidationException(ValidationException.Location.BODY, v2);
                        }
                        RegisterRecord after = engine.replace(c, ctx, d, old, again);
                        if (after.version() == old.version()) {
                            unchanged++;
                        } else {
                            updated++;
                        }
                        if (sp != null) {
                            c.releaseSavepoint(sp);
                        }
                    } catch (ValidationException | ConflictException e) {
                        if (sp != null) {
                            c.rollback(sp);
                        }
                        rejected++;
                        List<FieldViolation> vs = e instanceof ValidationException ve ? ve.violations()
                                : List.of(new FieldViolation("", e.problemCode(), e.messageVi(), e.getMessage()));
                        for (FieldViolation x : vs) {
                            errors.add(new ImportReport.RowError(row.number(), label(reg, x.field()), x.code(), x.messageVi(), x.messageEn()));
                        }
                    }
                }
                int failed = flush(c, batch, batchRows, allOrNothing, errors, d);
                rejected += failed;
                created -= Math.min(created, countFailedCreates(errors));
            }
            boolean fileBroken = errors.stream().anyMatch(e -> e.row() == 0);
            String digest = hex(sha, rest);
            if (rows == 0 && !fileBroken) {
                errors.add(new ImportReport.RowError(0, "", "no-rows", "Tệp không có dòng dữ liệu nào", "the file has no data rows"));
                fileBroken = true;
            }
            if (!fileBroken && !keyed && alreadyImported(c, reg.id(), commune, digest)) {
                c.rollback();
                return new ImportReport(name, digest, rows, 0, 0, rows, 0, false, List.of(new ImportReport.RowError(0, "",
                        "already-imported", "Tệp này đã được nhập trước đây; không nhập lại để tránh trùng",
                        "this file was imported before; nothing done, so no record is duplicated")));
            }
            boolean commit = !fileBroken && (!allOrNothing || rejected == 0) && (created + updated) > 0;
            if (!commit) {
                c.rollback();
                return new ImportReport(name, digest, rows, 0, 0, fileBroken ? 0 : unchanged, rejected, false, errors);
            }
            engine.repository().audit(c, ctx, "import", reg.id(), commune, null, null, name + ": " + created
                    + " created, " + updated + " updated, " + unchanged + " unchanged, " + rejected + " refused", now);
            return new ImportReport(name, digest, rows, created, updated, unchanged, rejected, true, errors);
        });
    }

    private static final String BATCH_FAILED = "batch-failed";

    /** Takes off the apostrophe an export put before text a spreadsheet would run as a formula ('=, '+, '-, '@). */
    static Object unescapeFormula(Object cell) {
        if (cell instanceof String s && s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0) {
            return s.substring(1);
        }
        return cell;
    }

    /**
     * Writes the pending new records. A batch the database refuses (a key recorded meanwhile by someone else) fails
     * the whole import in all-or-nothing mode; otherwise its rows are reported refused.
     */
    private static int flush(Connection c, RecordRepository.Batch batch, List<Integer> rows, boolean allOrNothing,
                             List<ImportReport.RowError> errors, Deployed d) throws SQLException {
        if (batch.pending() == 0) {
            return 0;
        }
        Savepoint sp = allOrNothing ? null : c.setSavepoint();
        try {
            batch.flush();
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            rows.clear();
            return 0;
        } catch (SQLException e) {
            if (sp == null) {
                throw e;
            }
            c.rollback(sp);
            for (Integer r : rows) {
                errors.add(new ImportReport.RowError(r, "", BATCH_FAILED, "Không ghi được cùng nhóm dòng này: "
                        + e.getMessage(), "this group of rows could not be written: " + e.getMessage()));
            }
            int n = rows.size();
            rows.clear();
            return n;
        }
    }

    private static int countFailedCreates(List<ImportReport.RowError> errors) {
        return (int) errors.stream().filter(e -> BATCH_FAILED.equals(e.code())).count();
    }

    private static TabularReader.Row nextRow(TabularReader reader, List<ImportReport.RowError> errors) {
        try {
            return reader.next();
        } catch (TabularReader.UnreadableException e) {
            errors.add(new ImportReport.RowError(0, "", "unreadable-file", e.messageVi(), e.getMessage()));
            return null;
        } catch (IOException e) {
            errors.add(new ImportReport.RowError(0, "", "unreadable-file", "Không đọc được tệp: " + e.getMessage(), e.getMessage()));
            return null;
        }
    }

    /** The column of record ids of an exported file, or -1. */
    static int idColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : VietnameseText.fold(header.get(i));
            if (h.equals("ma ban ghi (id)") || h.equals("id") || h.equals("ma ban ghi")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A file exported from Xã Số carries each record's id: a row whose id names a stored record of this commune
     * updates it, so an exported, corrected and re-imported sheet never duplicates records.
     */
    private UUID exportedId(Connection c, Deployed d, String commune, Object cell) throws SQLException {
        if (!(cell instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(s.strip());
            return engine.repository().find(c, d, commune, id).filter(r -> !r.deleted()).map(RegisterRecord::id).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Matches header cells to fields by id or by Vietnamese or English label, ignoring case and diacritics. */
    static FieldDescriptor[] mapHeader(RegisterDescriptor reg, List<String> header, List<ImportReport.RowError> errors) {
        FieldDescriptor[] out = new FieldDescriptor[header.size()];
        Map<String, FieldDescriptor> byKey = new HashMap<>();
        for (FieldDescriptor f : reg.fields()) {
            byKey.put(VietnameseText.fold(f.name()), f);
            byKey.putIfAbsent(VietnameseText.fold(f.labelVi()), f);
            byKey.putIfAbsent(VietnameseText.fold(f.labelEn()), f);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            if (h.isEmpty()) {
                continue;
            }
            String plain = VietnameseText.fold(h.replaceAll("\\s*\\*$", ""));
            String key = VietnameseText.fold(h.replaceAll("\\s*\\*$", "").replaceAll("\\s*\\([^)]*\\)$", ""));
            FieldDescriptor f = byKey.get(key);
            if (f == null) {
                f = byKey.get(plain);
            }
            if (f == null) {
                Matcher m = FIELD_IN_PARENS.matcher(h);
                if (m.find()) {
                    f = byKey.get(VietnameseText.fold(m.group(1)));
                }
            }
            if (f == null) {
                if (SYSTEM_COLUMNS.contains(plain) || SYSTEM_COLUMNS.contains(key)) {
                    continue;
                }
                errors.add(new ImportReport.RowError(1, h, "unknown-column",
                        "Cột '" + h + "' không khớp trường nào của sổ " + reg.nameVi(),
                        "column '" + h + "' matches no field of register " + reg.id()));
                continue;
            }
            Integer prev = seen.put(f.name(), i + 1);
            if (prev != null) {
                errors.add(new ImportReport.RowError(1, h, "duplicate-column", "Cột " + (i + 1) + " trùng trường với cột " + prev,
                        "column " + (i + 1) + " maps to the same field as column " + prev));
            }
            out[i] = f;
        }
        for (FieldDescriptor f : reg.fields()) {
            if (f.required() && !seen.containsKey(f.name())) {
                errors.add(new ImportReport.RowError(1, f.labelVi(), "missing-column",
                        "Thiếu cột bắt buộc '" + f.labelVi() + "' (" + f.name() + ")",
                        "required column '" + f.name() + "' is missing"));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern FIELD_IN_PARENS = java.util.regex.Pattern.compile("\\(([a-z][A-Za-z0-9]*)\\)\\s*\\*?$");

    private static String label(RegisterDescriptor reg, String field) {
        return reg.field(field).map(f -> f.labelVi() + " (" + f.name() + ")").orElse(field);
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** The file's SHA-256: for a CSV, the rest of the stream is read first so that the digest covers all of it. */
    private static String hex(MessageDigest sha, InputStream rest) {
        try {
            drain(rest);
        } catch (IOException e) {
            return null;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private boolean alreadyImported(Connection c, String registerId, String commune, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM XASO_IMPORT_JOURNAL WHERE REGISTER_ID = ? AND"
                + " COMMUNE_CODE = ? AND SHA256 = ? AND COMMITTED = TRUE")) {
            ps.setString(1, registerId);
            ps.setString(2, commune);
            ps.setString(3, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void journal(CallerContext ctx, Deployed d, String commune, ImportReport r, ImportOptions options,
                         Instant started) {
        try {
            engine.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO XASO_IMPORT_JOURNAL (ID, REGISTER_ID,"
                        + " COMMUNE_CODE, FILE_NAME, SHA256, ACTOR, CHANNEL, STARTED_AT, FINISHED_AT, IMPORT_MODE,"
                        + " ROWS_READ, ROWS_CREATED, ROWS_UPDATED, ROWS_UNCHANGED, ROWS_REJECTED, COMMITTED)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, d.id());
                    ps.setString(3, commune);
                    ps.setString(4, r.fileName().length() > 255 ? r.fileName().substring(0, 255) : r.fileName());
                    ps.setString(5, r.sha256());
                    ps.setString(6, ctx.user());
                    ps.setString(7, ctx.channel());
                    ps.setTimestamp(8, SchemaManager.utc(started));
                    ps.setTimestamp(9, SchemaManager.utc(engine.clock().instant()));
                    ps.setString(10, options.mode().name());
                    ps.setInt(11, r.rows());
                    ps.setInt(12, r.created());
                    ps.setInt(13, r.updated());
                    ps.setInt(14, r.unchanged());
                    ps.setInt(15, r.rejected());
                    ps.setBoolean(16, r.committed());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not journal the import of {} into {}/{}", r.fileName(), d.id(), commune, e);
        }
    }
}
