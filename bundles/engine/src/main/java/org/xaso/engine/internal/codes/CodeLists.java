package org.xaso.engine.internal.codes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.xaso.api.context.CallerContext;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.engine.internal.schema.SchemaManager;
import org.xaso.engine.internal.text.VietnameseText;

/**
 * The code lists shipped by bundles, and the changes made at run time (table XASO_CODE_VALUE): values added, and
 * shipped values relabelled or retired. The effective list is the shipped list with the changes laid over it, then
 * the added values in the order they were added.
 */
public final class CodeLists {

    /** Codes: letters, digits, dot, dash, underscore; at most 32 characters. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private final Map<String, CodeList> shipped = new ConcurrentHashMap<>();
    /**
     * Changes by list id, then code, in the order they were first made. The inner maps are never modified once
     * published (a change publishes a new copy), so lists can be read while another thread changes them.
     */
    private final Map<String, Map<String, CodeValue>> changes = new ConcurrentHashMap<>();

    /** Reads the stored changes. */
    public void load(Connection c) throws SQLException {
        Map<String, Map<String, CodeValue>> loaded = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT LIST_ID, CODE, LABEL_VI, LABEL_EN, ACTIVE"
                + " FROM XASO_CODE_VALUE ORDER BY CHANGED_AT, CODE"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, CodeValue> m = loaded.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>());
                m.put(rs.getString(2), new CodeValue(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
            }
        }
        changes.clear();
        changes.putAll(loaded);
    }

    /**
     * Records the lists a bundle ships. A list id is shared by every bundle: when a list is shipped again with other
     * values, the last one read wins and its id is returned, for the caller to warn about.
     */
    public List<String> ship(Collection<CodeList> lists) {
        List<String> differing = new ArrayList<>();
        for (CodeList l : lists) {
            CodeList before = shipped.put(l.id(), l);
            if (before != null && !before.equals(l)) {
                differing.add(l.id());
            }
        }
        return differing;
    }

    public Optional<CodeList> shipped(String id) {
        return Optional.ofNullable(shipped.get(id));
    }

    /** The list as registers use it: shipped values with run-time changes, then values added at run time. */
    public CodeList effective(CodeList base) {
        Map<String, CodeValue> ch = changes.get(base.id());
        if (ch == null || ch.isEmpty()) {
            return base;
        }
        List<CodeValue> values = new ArrayList<>();
        for (CodeValue v : base.values()) {
            values.add(ch.getOrDefault(v.code(), v));
        }
        for (CodeValue v : ch.values()) {
            if (base.find(v.code()).isEmpty()) {
                values.add(v);
            }
        }
        return new CodeList(base.id(), base.nameVi(), base.nameEn(), base.basis(), values);
    }

    public List<CodeList> all() {
        return shipped.values().stream().map(this::effective)
                .sorted(java.util.Comparator.comparing(CodeList::id)).toList();
    }

    public Optional<CodeList> find(String id) {
        return shipped(id).map(this::effective);
    }

    public boolean isLocal(String listId, String code) {
        CodeList base = shipped.get(listId);
        Map<String, CodeValue> ch = changes.get(listId);
        return base != null && ch != null && ch.containsKey(code) && base.find(code).isEmpty();
    }

    /** Checks and stores a new value; the caller commits. */
    public CodeValue add(Connection c, CallerContext ctx, String listId, CodeValue raw, String reason, Instant now)
            throws SQLException {
        CodeList list = require(listId);
        CodeValue v = clean(raw, true);
        if (list.values().stream().anyMatch(x -> x.code().equalsIgnoreCase(v.code()))) {
            throw new ConflictException("code-exists", "Danh mục " + list.nameVi() + " đã có mã '" + v.code()
                    + "'; dùng PUT để sửa nhãn hoặc ngừng dùng", "list " + listId + " already has code '" + v.code()
                    + "'; change it with PUT", null);
        }
        uniqueLabel(list, v);
        write(c, ctx, listId, v, false, reason, now);
        return v;
    }

    /** Checks and stores a change of an existing value; the caller commits. */
    public CodeValue change(Connection c, CallerContext ctx, String listId, CodeValue raw, String reason, Instant now)
            throws SQLException {
        CodeList list = require(listId);
        CodeValue v = clean(raw, false);
        CodeValue old = list.find(v.code()).orElseThrow(() -> new NotFoundException(NotFoundException.What.CODE_LIST,
                listId + "/" + v.code(), "Danh mục " + list.nameVi() + " không có mã '" + v.code() + "'",
                "list " + listId + " has no code '" + v.code() + "'"));
        uniqueLabel(new CodeList(list.id(), list.nameVi(), list.nameEn(), list.basis(),
                list.values().stream().filter(x -> !x.code().equals(old.code())).toList()), v);
        boolean isShipped = shipped.get(listId).find(v.code()).isPresent();
        try (PreparedStatement del = c.prepareStatement("DELETE FROM XASO_CODE_VALUE WHERE LIST_ID = ? AND CODE = ?")) {
            del.setString(1, listId);
            del.setString(2, v.code());
            del.executeUpdate();
        }
        write(c, ctx, listId, v, isShipped, reason, now);
        return v;
    }

    /** Makes a stored change visible (after the transaction committed). */
    public void applied(String listId, CodeValue v) {
        changes.compute(listId, (k, old) -> {
            Map<String, CodeValue> copy = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
            copy.put(v.code(), v);
            return java.util.Collections.unmodifiableMap(copy);
        });
    }

    private CodeList require(String listId) {
        return find(listId).orElseThrow(() -> new NotFoundException(NotFoundException.What.CODE_LIST, listId,
                "Không có danh mục '" + listId + "' (danh mục chỉ có khi sổ dùng nó đã được cài đặt)",
                "no code list '" + listId + "' (a list exists once a register using it is deployed)"));
    }

    private static CodeValue clean(CodeValue raw, boolean checkCode) {
        List<FieldViolation> v = new ArrayList<>();
        String code = raw.code() == null ? "" : raw.code().strip();
        if (checkCode && !CODE.matcher(code).matches()) {
            v.add(new FieldViolation("code", "invalid-code", "Mã gồm chữ không dấu, số, dấu chấm, gạch ngang;"
                    + " tối đa 32 ký tự", "a code is letters, digits, '.', '-' or '_', at most 32 characters"));
        }
        String vi = raw.labelVi() == null ? "" : VietnameseText.clean(raw.labelVi());
        if (vi.isEmpty() || vi.length() > 255) {
            v.add(new FieldViolation("labelVi", vi.isEmpty() ? "required" : "too-long",
                    "Nhãn tiếng Việt bắt buộc, tối đa 255 ký tự", "the Vietnamese label is required, at most 255 characters"));
        }
        String en = raw.labelEn() == null || raw.labelEn().equals(raw.labelVi()) ? vi : VietnameseText.clean(raw.labelEn());
        if (en.length() > 255) {
            v.add(new FieldViolation("labelEn", "too-long", "Nhãn tiếng Anh tối đa 255 ký tự", "at most 255 characters"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.BODY, v);
        }
        return new CodeValue(code, vi, en.isEmpty() ? vi : en, raw.active());
    }

    private static void uniqueLabel(CodeList list, CodeValue v) {
        String folded = VietnameseText.fold(v.labelVi());
        for (CodeValue x : list.values()) {
            if (VietnameseText.fold(x.labelVi()).equals(folded)) {
                throw new ValidationException(ValidationException.Location.BODY, List.of(new FieldViolation("labelVi",
                        "duplicate-label", "Nhãn '" + v.labelVi() + "' đã dùng cho mã " + x.code()
                        + " (bảng tính ghi mã bằng nhãn nên nhãn không được trùng)",
                        "label already used by code " + x.code() + " (spreadsheets name codes by label)")));
            }
        }
    }

    private static void write(Connection c, CallerContext ctx, String listId, CodeValue v, boolean isShipped,
                              String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO XASO_CODE_VALUE (LIST_ID, CODE, LABEL_VI, LABEL_EN,"
                + " ACTIVE, SHIPPED, CHANGED_AT, CHANGED_BY, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, listId);
            ps.setString(2, v.code());
            ps.setString(3, v.labelVi());
            ps.setString(4, v.labelEn());
            ps.setBoolean(5, v.active());
            ps.setBoolean(6, isShipped);
            ps.setTimestamp(7, SchemaManager.utc(now));
            ps.setString(8, ctx.user());
            ps.setString(9, reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason);
            ps.executeUpdate();
        }
    }
}
