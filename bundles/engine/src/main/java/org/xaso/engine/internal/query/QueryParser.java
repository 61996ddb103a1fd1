package org.xaso.engine.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.Filter;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.Sort;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.values.FieldCoercer;

/**
 * Reads searches and statistics from request parameters, the same way for every channel. Every parameter is either
 * understood or refused with a reason: a misspelt filter never silently returns everything.
 */
public final class QueryParser {

    public static final Set<String> SYSTEM_SORTS = Set.of("createdAt", "updatedAt");
    private static final Set<String> RESERVED = Set.of("q", "sort", "limit", "offset", "includeDeleted", "source");
    private static final Set<String> STATS_RESERVED = Set.of("groupBy", "measure");

    private final FieldCoercer coercer;
    private final int maxLimit;

    public QueryParser(FieldCoercer coercer, int maxLimit) {
        this.coercer = coercer;
        this.maxLimit = maxLimit;
    }

    public RecordQuery parseQuery(RegisterDescriptor reg, Map<String, List<String>> params, Set<String> ignored) {
        List<FieldViolation> v = new ArrayList<>();
        RecordQuery.Builder b = RecordQuery.builder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            if (ignored.contains(key)) {
                continue;
            }
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            switch (key) {
                case "q" -> b.text(single(key, values, v));
                case "sort" -> sorts(reg, single(key, values, v), v).forEach(b::sort);
                case "limit" -> {
                    Integer n = integer(key, single(key, values, v), 0, maxLimit, v);
                    if (n != null) {
                        b.limit(n);
                    }
                }
                case "offset" -> {
                    Integer n = integer(key, single(key, values, v), 0, Integer.MAX_VALUE, v);
                    if (n != null) {
                        b.offset(n);
                    }
                }
                case "includeDeleted" -> b.includeDeleted("true".equalsIgnoreCase(single(key, values, v)));
                default -> filters(reg, key, values, v).forEach(b::filter);
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.QUERY, v);
        }
        return b.build();
    }

    public StatsQuery parseStats(RegisterDescriptor reg, Map<String, List<String>> params, Set<String> ignored) {
        List<FieldViolation> v = new ArrayList<>();
        StatsQuery.Builder b = StatsQuery.builder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            if (ignored.contains(key)) {
                continue;
            }
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            switch (key) {
                case "groupBy" -> {
                    for (String raw : values) {
                        for (String g : raw.split(",")) {
                            StatsQuery.GroupBy gb = groupBy(reg, g.strip(), v);
                            if (gb != null) {
                                b.groupBy(gb);
                            }
                        }
                    }
                }
                case "measure" -> {
                    for (String raw : values) {
                        for (String m : raw.split(",")) {
                            StatsQuery.Measure ms = measure(reg, m.strip(), v);
                            if (ms != null) {
                                b.measure(ms);
                            }
                        }
                    }
                }
                case "q" -> b.text(single(key, values, v));
                case "sort", "limit", "offset", "includeDeleted" -> v.add(new FieldViolation(key, "not-for-statistics",
                        "Tham số này không dùng cho thống kê", "this parameter does not apply to statistics"));
                default -> filters(reg, key, values, v).forEach(b::filter);
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.QUERY, v);
        }
        return b.build();
    }

    private StatsQuery.GroupBy groupBy(RegisterDescriptor reg, String g, List<FieldViolation> v) {
        if (g.isEmpty()) {
            return null;
        }
        String name = g;
        StatsQuery.Granularity gran = StatsQuery.Granularity.VALUE;
        int colon = g.indexOf(':');
        if (colon > 0) {
            name = g.substring(0, colon);
            String unit = g.substring(colon + 1);
            if (unit.equals("year")) {
                gran = StatsQuery.Granularity.YEAR;
            } else if (unit.equals("month")) {
                gran = StatsQuery.Granularity.MONTH;
            } else {
                v.add(new FieldViolation("groupBy", "invalid-granularity", "Chỉ nhóm theo :year (năm) hoặc :month (tháng)",
                        "dates group by :year or :month only"));
                return null;
            }
        }
        FieldDescriptor f = reg.field(name).orElse(null);
        if (f == null) {
            v.add(new FieldViolation("groupBy", "unknown-field", "Sổ không có trường '" + name + "'",
                    "register " + reg.id() + " has no field '" + name + "'"));
            return null;
        }
        if (!f.dimension()) {
            v.add(new FieldViolation("groupBy", "not-a-dimension", "Trường '" + name + "' không dùng để nhóm thống kê",
                    "field '" + name + "' is not a statistics dimension"));
            return null;
        }
        if (gran != StatsQuery.Granularity.VALUE && f.type() != FieldType.DATE && f.type() != FieldType.DATE_TIME) {
            v.add(new FieldViolation("groupBy", "invalid-granularity", "Chỉ trường ngày mới nhóm theo năm/tháng",
                    "only date fields group by year or month"));
            return null;
        }
        return new StatsQuery.GroupBy(name, gran);
    }

    private StatsQuery.Measure measure(RegisterDescriptor reg, String m, List<FieldViolation> v) {
        if (m.isEmpty() || m.equals("count")) {
            return null;
        }
        int colon = m.indexOf(':');
        if (colon <= 0) {
            v.add(new FieldViolation("measure", "invalid-measure", "Dạng đúng: sum:tenTruong, avg:, min:, max:",
                    "write measures as sum:field, avg:field, min:field or max:field"));
            return null;
        }
        StatsQuery.Function fn;
        try {
            fn = StatsQuery.Function.valueOf(m.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(new FieldViolation("measure", "invalid-measure", "Hàm '" + m.substring(0, colon)
                    + "' không hỗ trợ (sum, avg, min, max)", "function '" + m.substring(0, colon)
                    + "' is not one of sum, avg, min, max"));
            return null;
        }
        String name = m.substring(colon + 1);
        FieldDescriptor f = reg.field(name).orElse(null);
        if (f == null || !f.measure()) {
            v.add(new FieldViolation("measure", f == null ? "unknown-field" : "not-a-measure",
                    "Trường '" + name + "' không phải chỉ tiêu số để tổng hợp",
                    "field '" + name + "' is not a numeric measure of register " + reg.id()));
            return null;
        }
        return new StatsQuery.Measure(fn, name);
    }

    private List<Filter> filters(RegisterDescriptor reg, String key, List<String> values, List<FieldViolation> v) {
        List<Filter> out = new ArrayList<>();
        if (key.equals("source")) {
            out.add(new Filter("source", Filter.Op.EQ, new ArrayList<>(values)));
            return out;
        }
        String name = key;
        Filter.Op op = null;
        if (key.endsWith(".from")) {
            name = key.substring(0, key.length() - 5);
            op = Filter.Op.GE;
        } else if (key.endsWith(".to")) {
            name = key.substring(0, key.length() - 3);
            op = Filter.Op.LE;
        }
        FieldDescriptor f = reg.field(name).orElse(null);
        if (f == null) {
            v.add(new FieldViolation(key, "unknown-parameter", "Tham số không hợp lệ: sổ không có trường '" + name + "'",
                    "unknown parameter: register " + reg.id() + " has no field '" + name + "'"));
            return out;
        }
        if (!f.searchable()) {
            v.add(new FieldViolation(key, "not-searchable", "Không tìm kiếm theo trường '" + f.labelVi() + "'",
                    "field '" + name + "' is not searchable"));
            return out;
        }
        if (op != null && !f.type().isOrdered()) {
            v.add(new FieldViolation(key, "not-a-range", "Chỉ trường số hoặc ngày mới tìm theo khoảng .from/.to",
                    "only number and date fields take .from/.to ranges"));
            return out;
        }
        if (values.isEmpty()) {
            return out;
        }
        if (op != null) {
            String raw = single(key, values, v);
            Object typed = rangeValue(reg, f, key, raw, op, v);
            if (typed != null) {
                out.add(new Filter(name, op, List.of(typed)));
            }
            return out;
        }
        if (f.type().isFreeText()) {
            for (String s : values) {
                if (!s.isBlank()) {
                    out.add(new Filter(name, Filter.Op.CONTAINS, List.of(s)));
                }
            }
            return out;
        }
        List<Object> typed = new ArrayList<>();
        for (String s : values) {
            if (f.type() == FieldType.HAMLET) {
                typed.add(s.strip());
                continue;
            }
            List<FieldViolation> local = new ArrayList<>();
            Object t = coercer.coerce(reg, f, s, null, null, c -> List.of(), local);
            if (!local.isEmpty()) {
                local.forEach(x -> v.add(new FieldViolation(key, x.code(), x.messageVi(), x.messageEn())));
            } else if (t != null) {
                typed.add(t);
            }
        }
        if (!typed.isEmpty()) {
            out.add(new Filter(name, Filter.Op.EQ, typed));
        }
        return out;
    }

    private Object rangeValue(RegisterDescriptor reg, FieldDescriptor f, String key, String raw, Filter.Op op,
                              List<FieldViolation> v) {
        if (raw == null) {
            return null;
        }
        if (f.type() == FieldType.DATE_TIME) {
            LocalDate day = null;
            List<FieldViolation> dl = new ArrayList<>();
            FieldDescriptor asDate = FieldDescriptor.builder(f.name(), FieldType.DATE).labels(f.labelVi(), f.labelEn()).build();
            Object d = coercer.coerce(reg, asDate, raw, null, null, c -> List.of(), dl);
            if (d instanceof LocalDate ld && dl.isEmpty() && raw.strip().length() <= 10) {
                day = ld;
            }
            if (day != null) {
                Instant start = day.atStartOfDay(FieldCoercer.VIETNAM).toInstant();
                return op == Filter.Op.GE ? start : day.plusDays(1).atStartOfDay(FieldCoercer.VIETNAM).toInstant().minusNanos(1000);
            }
        }
        FieldDescriptor loose = FieldDescriptor.builder(f.name(), f.type()).labels(f.labelVi(), f.labelEn())
                .scale(f.scale()).build();
        List<FieldViolation> local = new ArrayList<>();
        Object t = coercer.coerce(reg, loose, raw, null, null, c -> List.of(), local);
        local.forEach(x -> v.add(new FieldViolation(key, x.code(), x.messageVi(), x.messageEn())));
        return local.isEmpty() ? t : null;
    }

    private List<Sort> sorts(RegisterDescriptor reg, String raw, List<FieldViolation> v) {
        List<Sort> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String s : raw.split(",")) {
            s = s.strip();
            if (s.isEmpty()) {
                continue;
            }
            boolean desc = s.startsWith("-");
            String name = desc || s.startsWith("+") ? s.substring(1) : s;
            FieldDescriptor f = reg.field(name).orElse(null);
            if (SYSTEM_SORTS.contains(name) || (f != null && f.type() != FieldType.LONG_TEXT)) {
                out.add(new Sort(name, desc));
            } else {
                v.add(new FieldViolation("sort", "unknown-sort", "Không sắp xếp được theo '" + name + "'",
                        "cannot sort by '" + name + "'"));
            }
        }
        return out;
    }

    private static String single(String key, List<String> values, List<FieldViolation> v) {
        if (values.size() > 1) {
            v.add(new FieldViolation(key, "repeated-parameter", "Tham số chỉ được ghi một lần",
                    "this parameter may appear once only"));
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Integer integer(String key, String raw, int min, int max, List<FieldViolation> v) {
        if (raw == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < min || n > max) {
                v.add(new FieldViolation(key, "out-of-range", "Phải từ " + min + " đến " + max,
                        "must be between " + min + " and " + max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            v.add(new FieldViolation(key, "not-a-whole-number", "Phải là số nguyên", "must be a whole number"));
            return null;
        }
    }

    /** Parameters with a meaning of their own in searches (not field filters). */
    public static Set<String> reserved() {
        return RESERVED;
    }
}
