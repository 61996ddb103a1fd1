package org.xaso.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.PersonalIdNumbers;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.unit.Hamlet;

/**
 * Makes plausible records for any register from its descriptor: values follow each field's type, range and code list,
 * and the descriptor's demo hints where a field needs more sense than its type gives:
 * <ul>
 * <li>{@code personName}, {@code organisationName}, {@code address}, {@code variety}: Vietnamese text of that kind;</li>
 * <li>{@code range:a-b}: a number between a and b (as text for text fields);</li>
 * <li>{@code serial:P}: P followed by six digits; {@code oneOf:a|b|c}: one of the words;</li>
 * <li>{@code birthYearOf:f} / {@code genderOf:f}: read from the personal ID number in field f;</li>
 * <li>{@code dateInYear:f}: a date in the year held by field f;</li>
 * <li>{@code after:f:a-b}: a date a to b days after the date in field f;</li>
 * <li>{@code dossierCode}, {@code procedureCode}: one-stop dossier and procedure codes in the national formats.</li>
 * </ul>
 * Optional fields are filled four times in five. Nothing here is a real person: names and ID numbers are random.
 */
final class DemoGenerator {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm"};
    private static final String[] MALE_MIDDLE = {"Văn", "Hữu", "Minh", "Quốc", "Thanh", "Công", "Đức"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thu"};
    private static final String[] MALE_GIVEN = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam",
            "Phúc", "Quang", "Sang", "Tâm", "Thành", "Tuấn", "Việt", "Tài", "Lộc", "Hiếu", "Trung"};
    private static final String[] FEMALE_GIVEN = {"Hà", "Hạnh", "Hòa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương",
            "Thảo", "Vân", "Xuân", "Yến", "Trang", "Nhung", "Loan", "Diễm", "Tuyết"};
    private static final String[] STREETS = {"Đường 30/4", "Đường Thiên Hộ Dương", "Đường Nguyễn Trung Trực",
            "Đường Lê Lợi", "Quốc lộ 62", "Đường Trần Hưng Đạo", "Đường liên ấp", "Đường đê bao"};
    private static final String[] VARIETIES = {"OM 18", "OM 5451", "Đài Thơm 8", "ST25", "IR 50404", "OM 4900",
            "Giống địa phương"};
    private static final String[] ORG_WORDS = {"Nông nghiệp", "Dịch vụ nông nghiệp", "Trồng lúa", "Rau an toàn",
            "Chăn nuôi", "Sen", "Thủy sản"};

    private final Random random;
    private final LocalDate today;

    DemoGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.today = LocalDate.ofInstant(now, VIETNAM);
    }

    /**
     * @param references ids of existing records per register id, for reference fields
     */
    Map<String, Object> record(RegisterDescriptor d, String communeName, List<Hamlet> hamlets,
                               Function<String, List<String>> references, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDescriptor f : d.fields()) {
            if (!f.required() && random.nextInt(5) == 0) {
                continue;
            }
            Object v = value(d, f, out, communeName, hamlets, references, n);
            if (v != null) {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    private Object value(RegisterDescriptor d, FieldDescriptor f, Map<String, Object> sofar, String communeName,
                         List<Hamlet> hamlets, Function<String, List<String>> references, int n) {
        String hint = f.demo() == null ? "" : f.demo();
        if (hint.startsWith("birthYearOf:")) {
            Object id = sofar.get(hint.substring(12));
            return id == null ? null : PersonalIdNumbers.birthYear(id.toString());
        }
        if (hint.startsWith("genderOf:")) {
            Object id = sofar.get(hint.substring(9));
            return id == null ? null : PersonalIdNumbers.female(id.toString()) ? "2" : "1";
        }
        if (hint.startsWith("dateInYear:")) {
            Object y = sofar.get(hint.substring(11));
            if (!(y instanceof Number year)) {
                return null;
            }
            LocalDate start = LocalDate.of(year.intValue(), 1, 1);
            LocalDate end = LocalDate.of(year.intValue(), 12, 31);
            if (end.isAfter(today)) {
                end = today;
            }
            return end.isBefore(start) ? null : start.plusDays(random.nextInt((int) (end.toEpochDay() - start.toEpochDay()) + 1));
        }
        if (hint.startsWith("after:")) {
            String[] p = hint.split(":");
            Object base = sofar.get(p[1]);
            if (!(base instanceof LocalDate date)) {
                return null;
            }
            long[] r = range(p[2]);
            LocalDate after = date.plusDays(r[0] + random.nextInt((int) (r[1] - r[0] + 1)));
            return f.notFuture() && after.isAfter(today) ? (f.required() ? today : null) : after;
        }
        long[] range = hint.startsWith("range:") ? range(hint.substring(6)) : null;
        switch (f.type()) {
            case TEXT:
                return text(f, hint, communeName, hamlets, n);
            case LONG_TEXT:
                return random.nextInt(4) == 0 ? "Dữ liệu mẫu (demo) sinh tự động để chạy thử." : null;
            case INTEGER: {
                long lo = range != null ? range[0] : f.min() != null ? f.min().longValue() : 0;
                long hi = range != null ? range[1] : f.max() != null ? Math.min(f.max().longValue(), lo + 100) : lo + 100;
                return lo + (long) (random.nextDouble() * (hi - lo + 1));
            }
            case MONEY: {
                long lo = range != null ? range[0] : 1_000_000;
                long hi = range != null ? range[1] : 500_000_000;
                return (lo + (long) (random.nextDouble() * (hi - lo))) / 1000 * 1000;
            }
            case DECIMAL, AREA: {
                double lo = range != null ? range[0] : f.min() != null ? f.min().doubleValue() : 0;
                double hi = range != null ? range[1] : f.type() == FieldType.AREA ? 20_000 : 100;
                int scale = f.scale() != null ? f.scale() : f.type() == FieldType.AREA ? 0 : 2;
                return BigDecimal.valueOf(lo + random.nextDouble() * (hi - lo)).setScale(scale, RoundingMode.HALF_UP);
            }
            case DATE: {
                LocalDate start = today.minusYears(6);
                return start.plusDays(random.nextInt((int) (today.toEpochDay() - start.toEpochDay())));
            }
            case DATE_TIME:
                return today.minusDays(random.nextInt(365)).atTime(7 + random.nextInt(10), random.nextInt(60))
                        .atZone(VIETNAM).toInstant();
            case BOOLEAN:
                return random.nextBoolean();
            case CODE: {
                CodeList list = d.codeList(f.codeList()).orElse(null);
                if (list == null) {
                    return null;
                }
                List<CodeValue> active = list.values().stream().filter(CodeValue::active).toList();
                return active.get(random.nextInt(active.size())).code();
            }
            case CITIZEN_ID: {
                int year = 1950 + random.nextInt(50);
                boolean female = random.nextBoolean();
                int digit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
                return String.format("080%d%02d%06d", digit, year % 100, random.nextInt(1_000_000));
            }
            case PHONE: {
                String[] prefixes = {"090", "091", "093", "097", "098", "086", "032", "035", "070", "079", "083", "088"};
                return prefixes[random.nextInt(prefixes.length)] + String.format("%07d", random.nextInt(10_000_000));
            }
            case EMAIL:
                return "demo" + n + "@example.vn";
            case HAMLET: {
                List<Hamlet> active = hamlets.stream().filter(Hamlet::active).toList();
                return active.isEmpty() ? null : active.get(random.nextInt(active.size())).code();
            }
            case REFERENCE: {
                List<String> ids = references.apply(f.refRegister());
                return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
            }
            default:
                return null;
        }
    }

    private String text(FieldDescriptor f, String hint, String communeName, List<Hamlet> hamlets, int n) {
        if (hint.startsWith("range:")) {
            long[] r = range(hint.substring(6));
            return Long.toString(r[0] + (long) (random.nextDouble() * (r[1] - r[0] + 1)));
        }
        if (hint.startsWith("serial:")) {
            return hint.substring(7) + String.format("%06d", random.nextInt(1_000_000));
        }
        if (hint.startsWith("oneOf:")) {
            return pick(hint.substring(6).split("\\|"));
        }
        switch (hint) {
            case "personName": {
                boolean female = random.nextBoolean();
                return pick(SURNAMES) + " " + pick(female ? FEMALE_MIDDLE : MALE_MIDDLE) + " " + pick(female ? FEMALE_GIVEN : MALE_GIVEN);
            }
            case "organisationName":
                return (random.nextInt(3) == 0 ? "Tổ hợp tác " : "Hợp tác xã ") + pick(ORG_WORDS) + " "
                        + communeName.replaceFirst("^(Xã|Phường|Đặc khu) ", "") + " " + (n + 1);
            case "address": {
                List<Hamlet> active = hamlets.stream().filter(Hamlet::active).toList();
                String where = active.isEmpty() ? communeName : active.get(random.nextInt(active.size())).name();
                return "Số " + (1 + random.nextInt(300)) + ", " + pick(STREETS) + ", " + where;
            }
            case "variety":
                return pick(VARIETIES);
            case "dossierCode": {
                LocalDate d = LocalDate.now(VIETNAM).minusDays(random.nextInt(300));
                return String.format("000.00.%02d.H%02d-%02d%02d%02d-%04d", 1 + random.nextInt(30), 1 + random.nextInt(96),
                        d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth(), 1 + random.nextInt(9999));
            }
            case "procedureCode":
                return String.format("1.%06d", 1000 + random.nextInt(12000));
            default: {
                String s = f.labelVi() + " mẫu " + (n + 1);
                int max = f.maxLength() == null ? 255 : f.maxLength();
                return s.length() > max ? s.substring(0, max) : s;
            }
        }
    }

    private String pick(String[] a) {
        return a[random.nextInt(a.length)];
    }

    private static long[] range(String s) {
        int dash = s.indexOf('-', 1);
        return new long[] {Long.parseLong(s.substring(0, dash).strip()), Long.parseLong(s.substring(dash + 1).strip())};
    }
}
