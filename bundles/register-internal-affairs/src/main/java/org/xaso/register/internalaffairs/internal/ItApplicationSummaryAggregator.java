package org.xaso.register.internalaffairs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.ValidationException;
import org.xaso.api.record.UsageStatistics;
import org.xaso.api.register.RegisterAggregator;
import org.xaso.api.register.RegisterHook;

/**
 * The monthly IT-application summary of a commune (register it-application-summary): computed from the engine's usage
 * figures for the month given by {@code year} and {@code month} (this month when both are absent), never typed.
 */
@Component(service = RegisterAggregator.class, property = RegisterHook.REGISTER_PROPERTY + "=it-application-summary")
public class ItApplicationSummaryAggregator implements RegisterAggregator {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Clock clock;

    public ItApplicationSummaryAggregator() {
        this(Clock.systemUTC());
    }

    ItApplicationSummaryAggregator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, Object> compute(String commune, Map<String, String> params, UsageStatistics usage) {
        YearMonth now = YearMonth.now(clock.withZone(VIETNAM));
        YearMonth month = month(params, now);
        LocalDate from = month.atDay(1);
        UsageStatistics.Usage u = usage.usage(commune, from, from.plusMonths(1));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("year", (long) month.getYear());
        r.put("month", (long) month.getMonthValue());
        r.put("registersInUse", (long) u.registersInUse());
        r.put("recordsTotal", u.recordsTotal());
        r.put("recordsCreated", u.recordsCreated());
        r.put("recordsUpdated", u.recordsUpdated());
        r.put("recordsImported", u.recordsImported());
        r.put("recordsSynced", u.recordsSynced());
        r.put("activeUsers", (long) u.activeUsers());
        r.put("dossiersReceived", u.dossiersReceived());
        r.put("dossiersOnline", u.dossiersOnline());
        r.put("dossiersOnTime", u.dossiersOnTime());
        r.put("onlineShare", percent(u.dossiersOnline(), u.dossiersReceived()));
        r.put("onTimeShare", percent(u.dossiersOnTime(), u.dossiersSettled()));
        r.put("computedAt", Instant.now(clock));
        return r;
    }

    /** A share in per cent with two decimals; none when there is nothing to share. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    static YearMonth month(Map<String, String> params, YearMonth now) {
        List<FieldViolation> v = new ArrayList<>();
        for (String k : params.keySet()) {
            if (!k.equals("year") && !k.equals("month")) {
                v.add(new FieldViolation(k, "unknown-parameter", "Tham số '" + k + "' không dùng ở đây (chỉ year, month)",
                        "unknown parameter '" + k + "' (year and month only)"));
            }
        }
        Integer year = number(params.get("year"), "year", 2000, now.getYear(), v);
        Integer month = number(params.get("month"), "month", 1, 12, v);
        if (v.isEmpty() && (year == null) != (month == null)) {
            v.add(new FieldViolation(year == null ? "year" : "month", "required", "Cần cả năm và tháng",
                    "give both year and month"));
        }
        if (v.isEmpty() && year != null && YearMonth.of(year, month).isAfter(now)) {
            v.add(new FieldViolation("month", "in-future", "Tháng chưa tới", "the month has not begun"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.QUERY, v);
        }
        return year == null ? now : YearMonth.of(year, month);
    }

    private static Integer number(String s, String name, int min, int max, List<FieldViolation> v) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n < min || n > max) {
                v.add(new FieldViolation(name, "out-of-range", name + " phải từ " + min + " đến " + max,
                        name + " must be between " + min + " and " + max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            v.add(new FieldViolation(name, "not-a-whole-number", name + " phải là số nguyên", name + " must be a whole number"));
            return null;
        }
    }
}
