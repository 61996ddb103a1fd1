package org.xaso.engine.internal.importer;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.UUID;

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
 * Imports a spreadsheet through the engine in one transaction: each row is validated like any other write; a row
 * whose natural key matches a stored record updates it (or leaves it alone when nothing differs); in all-or-nothing
 * mode any refused row rolls the whole file back. Registers without a natural key refuse a file already imported
 * (same SHA-256), so dropping a file twice never duplicates records. Every import is journalled.
 */
public final class RecordImporterImpl implements RecordImporter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordImporterImpl.class);

    private final Engine engine;

    public RecordImporterImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ImportReport importFile(CallerContext ctx, String registerId, String commune, String fileName,
                                   InputStream in, ImportOptions options) {
        Deployed d = engine.access(ctx, registerId, commune, true);
        String name = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) {
            throw new ValidationException(ValidationException.Location.BODY, new FieldViolation("file",
                    "unsupported-format", "Chỉ nhận tệp .csv", "only .csv files are accepted"));
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestInputStream digest = new DigestInputStream(in, sha);
        String shortName = name.length() > 150 ? name.substring(name.length() - 150) : name;
        CallerContext writer = ctx.toBuilder().channel(ctx.channel()).source("import:" + shortName).build();
        Instant started = engine.clock().instant();
        ImportReport report;
        try (TabularReader reader = new CsvTabularReader(digest)) {
            report = run(writer, d, commune, name, reader, digest, options);
        } catch (IOException e) {
            String vi = e instanceof TabularReader.UnreadableException u ? u.messageVi() : "Không đọc được tệp: " + e.getMessage();
            report = new ImportReport(name, null, 0, 0, 0, 0, 0, false,
                    List.of(new ImportReport.RowError(0, "", "unreadable-file", vi, e.getMessage())));
        }
        journal(ctx, d, commune, report, options, started);
        LOG.info("Import of {} into {}/{} by {}: {} rows, {} created, {} updated, {} unchanged, {} refused, {}",
                name, registerId, commune, ctx.user(), report.rows(), report.created(), report.updated(),
                report.unchanged(), report.rejected(), report.committed() ? "committed" : "nothing written");
        return report;
    }

    private ImportReport run(CallerContext ctx, Deployed d, String commune, String name, TabularReader reader,
                             DigestInputStream digest, ImportOptions options) throws IOException {
        RegisterDescriptor reg = d.descriptor();
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<String> header = reader.header();
        if (header == null) {
            return fileError(name, "empty-file", "Tệp rỗng: không có dòng tiêu đề", "the file is empty");
        }
        FieldDescriptor[] columns = mapHeader(reg, header, errors);
        if (!errors.isEmpty()) {
            drain(digest);
            return new ImportReport(name, hex(digest), 0, 0, 0, 0, 0, false, errors);
        }
        boolean allOrNothing = options.mode() == ImportOptions.Mode.ALL_OR_NOTHING;
        return engine.inTransaction(c -> {
            int rows = 0;
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int rejected = 0;
            Engine.HamletCache hamlets = engine.hamletCache();
            Map<String, Integer> keysInFile = new HashMap<>();
            TabularReader.Row row;
            while ((row = nextRow(reader, errors)) != null) {
                if (row.cells().stream().allMatch(s -> s == null || s.isBlank())) {
                    continue;
                }
                rows++;
                Map<String, Object> raw = new LinkedHashMap<>();
                for (int i = 0; i < columns.length && i < row.cells().size(); i++) {
                    String cell = row.cells().get(i);
                    if (columns[i] != null && cell != null && !cell.isBlank()) {
                        raw.put(columns[i].name(), cell);
                    }
                }
                if (row.cells().size() > columns.length
                        && row.cells().subList(columns.length, row.cells().size()).stream().anyMatch(s -> s != null && !s.isBlank())) {
                    errors.add(new ImportReport.RowError(row.number(), "", "extra-cells",
                            "Dòng có nhiều ô hơn số cột tiêu đề", "the row has more cells than the header"));
                    rejected++;
                    continue;
                }
                Map<String, Object> typed = new LinkedHashMap<>();
                List<FieldViolation> v = engine.check(c, ctx, d, commune, raw, null, hamlets, typed);
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
                Savepoint sp = allOrNothing ? null : c.setSavepoint();
                try {
                    Optional<RegisterRecord> existing = key == null ? Optional.empty()
                            : engine.repository().findByNaturalKey(c, d, commune, key);
                    if (existing.isPresent()) {
                        Map<String, Object> typedAgain = new LinkedHashMap<>();
                        List<FieldViolation> v2 = engine.check(c, ctx, d, commune, raw, existing.get().data(), hamlets, typedAgain);
                        if (!v2.isEmpty()) {
                            throw new ValidationException(ValidationException.Location.BODY, v2);
                        }
                        RegisterRecord after = engine.replace(c, ctx, d, existing.get(), typedAgain);
                        if (after.version() == existing.get().version()) {
                            unchanged++;
                        } else {
                            updated++;
                        }
                    } else {
                        engine.insert(c, ctx, d, commune, typed);
                        created++;
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
            boolean fileBroken = errors.stream().anyMatch(e -> e.row() == 0);
            String sha = hex(digest);
            if (rows == 0 && !fileBroken) {
                errors.add(new ImportReport.RowError(0, "", "no-rows", "Tệp không có dòng dữ liệu nào", "the file has no data rows"));
                fileBroken = true;
            }
            if (!fileBroken && reg.naturalKey().isEmpty() && alreadyImported(c, reg.id(), commune, sha)) {
                c.rollback();
                return new ImportReport(name, sha, rows, 0, 0, rows, 0, false, List.of(new ImportReport.RowError(0, "",
                        "already-imported", "Tệp này đã được nhập trước đây; không nhập lại để tránh trùng",
                        "this file was imported before; nothing done, so no record is duplicated")));
            }
            boolean commit = !fileBroken && (!allOrNothing || rejected == 0) && (created + updated) > 0;
            if (!commit) {
                c.rollback();
                if (allOrNothing || fileBroken) {
                    return new ImportReport(name, sha, rows, 0, 0, fileBroken ? 0 : unchanged, rejected, false, errors);
                }
                return new ImportReport(name, sha, rows, 0, 0, unchanged, rejected, false, errors);
            }
            engine.repository().audit(c, ctx, "import", reg.id(), commune, null, null, name + ": " + created
                    + " created, " + updated + " updated, " + unchanged + " unchanged, " + rejected + " refused",
                    engine.clock().instant());
            return new ImportReport(name, sha, rows, created, updated, unchanged, rejected, true, errors);
        });
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
            String key = VietnameseText.fold(h.replaceAll("\\s*\\*$", "").replaceAll("\\s*\\([^)]*\\)$", ""));
            FieldDescriptor f = byKey.get(key);
            if (f == null) {
                f = byKey.get(VietnameseText.fold(h));
            }
            if (f == null) {
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

    private static String label(RegisterDescriptor reg, String field) {
        return reg.field(field).map(f -> f.labelVi() + " (" + f.name() + ")").orElse(field);
    }

    private static ImportReport fileError(String name, String code, String vi, String en) {
        return new ImportReport(name, null, 0, 0, 0, 0, 0, false, List.of(new ImportReport.RowError(0, "", code, vi, en)));
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[65536];
        while (in.read(buf) >= 0) {
            // read to the end so the digest covers the whole file
        }
    }

    private static String hex(DigestInputStream in) {
        try {
            drain(in);
        } catch (IOException e) {
            return null;
        }
        return HexFormat.of().formatHex(in.getMessageDigest().digest());
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
