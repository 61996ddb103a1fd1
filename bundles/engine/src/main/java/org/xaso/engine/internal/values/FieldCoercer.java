package org.xaso.engine.internal.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.xaso.api.error.FieldViolation;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.unit.Hamlet;
import org.xaso.engine.internal.schema.RegisterTable;
import org.xaso.engine.internal.text.VietnameseText;

/**
 * Turns what callers send (JSON values, SOAP strings, spreadsheet cells, query parameters) into the typed value a
 * field stores, or says precisely why it cannot. One place for every channel, so REST, SOAP, routes and imports accept
 * and refuse the same things.
 */
public final class FieldCoercer {

    /** The zone officers live in: dates and local times are read there. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");
    /** "12.000" or "12,000": twelve thousand in Vietnamese writing, twelve in international writing. */
    private static final Pattern AMBIGUOUS = Pattern.compile("-?\\d{1,3}[.,]\\d{3}");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(([.,' ])\\d{3})(\\2\\d{3})*");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VN_DATE_DASH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VN_DATE_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> TRUE = Set.of("true", "1", "x", "co", "yes", "y", "c", "dung");
    private static final Set<String> FALSE = Set.of("false", "0", "khong", "no", "n", "k", "sai");

    /** Where hamlets of the commune come from while coercing. */
    public interface Hamlets {
        List<Hamlet> of(String communeCode);
    }

    private final java.time.Clock clock;
    private final Set<String> citizenIdExtraPrefixes;

    public FieldCoercer(java.time.Clock clock) {
        this(clock, Set.of());
    }

    /**
     * @param citizenIdExtraPrefixes 3-digit prefixes accepted in personal ID numbers beside the province codes
     */
    public FieldCoercer(java.time.Clock clock, Set<String> citizenIdExtraPrefixes) {
        this.clock = clock;
        this.citizenIdExtraPrefixes = Set.copyOf(citizenIdExtraPrefixes);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /**
     * @param previous the value stored before (an update may keep a code no longer offered), or null
     * @return the typed value, or null when the input is empty or refused (then a violation was added)
     */
    public Object coerce(RegisterDescriptor reg, FieldDescriptor f, Object raw, Object previous, String commune,
                         Hamlets hamlets, List<FieldViolation> out) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        String name = f.name();
        switch (f.type()) {
            case TEXT, LONG_TEXT: {
                if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
                    out.add(Violations.notText(name));
                    return null;
                }
                String text = raw instanceof BigDecimal bd ? bd.stripTrailingZeros().toPlainString() : raw.toString();
                String s = f.type() == org.xaso.api.register.FieldType.TEXT
                        ? VietnameseText.clean(text) : VietnameseText.cleanMultiline(text);
                int max = f.maxLength() != null ? f.maxLength() : RegisterTable.defaultLength(f.type());
                if (s.length() > max) {
                    out.add(Violations.tooLong(name, max));
                    return null;
                }
                if (f.pattern() != null && !s.matches(f.pattern())) {
                    out.add(Violations.patternMismatch(name));
                    return null;
                }
                return s;
            }
            case INTEGER, MONEY: {
                BigDecimal d = number(raw, true);
                if (d == null) {
                    out.add(Violations.notAWholeNumber(name));
                    return null;
                }
                BigInteger whole;
                try {
                    whole = d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    out.add(Violations.notAWholeNumber(name));
                    return null;
                }
                if (whole.bitLength() > 63) {
                    out.add(Violations.aboveMax(name, Long.MAX_VALUE));
                    return null;
                }
                return range(f, new BigDecimal(whole), out) ? whole.longValue() : null;
            }
            case DECIMAL, AREA: {
                if (raw instanceof String str && AMBIGUOUS.matcher(str.strip()).matches()) {
                    out.add(Violations.ambiguousNumber(name, str.strip()));
                    return null;
                }
                BigDecimal d = number(raw, false);
                if (d == null) {
                    out.add(Violations.notANumber(name));
                    return null;
                }
                int scale = f.scale() != null ? f.scale() : RegisterTable.defaultScale(f.type());
                d = d.stripTrailingZeros();
                if (d.scale() > scale) {
                    out.add(Violations.tooManyDecimals(name, scale));
                    return null;
                }
                if (d.precision() - d.scale() > 19 - scale) {
                    out.add(Violations.aboveMax(name, "10^" + (19 - scale)));
                    return null;
                }
                if (d.scale() < 0) {
                    d = d.setScale(0);
                }
                return range(f, d, out) ? d : null;
            }
            case DATE: {
                LocalDate d = date(raw);
                if (d == null) {
                    out.add(Violations.notADate(name));
                    return null;
                }
                if (d.getYear() < 1800 || d.getYear() > 2200) {
                    out.add(Violations.notADate(name));
                    return null;
                }
                if (f.notFuture() && d.isAfter(today())) {
                    out.add(Violations.inFuture(name));
                    return null;
                }
                return d;
            }
            case DATE_TIME: {
                Instant i = instant(raw);
                if (i == null) {
                    out.add(Violations.notADateTime(name));
                    return null;
                }
                if (f.notFuture() && i.isAfter(clock.instant().plusSeconds(300))) {
                    out.add(Violations.inFuture(name));
                    return null;
                }
                return i;
            }
            case BOOLEAN: {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = VietnameseText.fold(raw.toString());
                if (TRUE.contains(s)) {
                    return Boolean.TRUE;
                }
                if (FALSE.contains(s)) {
                    return Boolean.FALSE;
                }
                out.add(Violations.notABoolean(name));
                return null;
            }
            case CODE: {
                CodeList list = reg.codeList(f.codeList()).orElseThrow();
                String s = VietnameseText.clean(raw.toString());
                CodeValue match = matchCode(list, s);
                if (match == null) {
                    out.add(Violations.unknownCode(name, s, list.nameVi()));
                    return null;
                }
                if (!match.active() && !match.code().equals(previous)) {
                    out.add(Violations.inactiveCode(name, s, list.nameVi()));
                    return null;
                }
                return match.code();
            }
            case HAMLET: {
                String s = VietnameseText.clean(raw.toString());
                List<Hamlet> hs = hamlets.of(commune);
                for (Hamlet h : hs) {
                    if (h.code().equalsIgnoreCase(s)) {
                        if (!h.active() && !h.code().equals(previous)) {
                            break;
                        }
                        return h.code();
                    }
                }
                String fs = VietnameseText.fold(s);
                for (Hamlet h : hs) {
                    if ((h.active() || h.code().equals(previous)) && VietnameseText.fold(h.name()).equals(fs)) {
                        return h.code();
                    }
                }
                out.add(Violations.unknownHamlet(name, s, commune));
                return null;
            }
            case CITIZEN_ID: {
                String s = CitizenIds.normalise(digitsOfNumberCell(raw, 12));
                CitizenIds.Problem p = CitizenIds.check(s, Year.now(clock.withZone(VIETNAM)), citizenIdExtraPrefixes);
                if (p != null) {
                    out.add(new FieldViolation(name, "invalid-citizen-id", p.messageVi(), p.messageEn()));
                    return null;
                }
                return s;
            }
            case PHONE: {
                String s = phone(raw instanceof BigDecimal || raw instanceof Long || raw instanceof Integer
                        ? phoneOfNumberCell(digitsOfNumberCell(raw, 0)) : raw.toString());
                if (s == null) {
                    out.add(Violations.invalidPhone(name));
                    return null;
                }
                return s;
            }
            case EMAIL: {
                String s = raw.toString().strip();
                if (s.length() > 254 || !EMAIL.matcher(s).matches()) {
                    out.add(Violations.invalidEmail(name));
                    return null;
                }
                int at = s.lastIndexOf('@');
                return s.substring(0, at) + s.substring(at).toLowerCase(Locale.ROOT);
            }
            case REFERENCE: {
                try {
                    return UUID.fromString(raw.toString().strip()).toString();
                } catch (IllegalArgumentException e) {
                    out.add(Violations.notAReference(name));
                    return null;
                }
            }
            default:
                throw new IllegalStateException("unhandled type " + f.type());
        }
    }

    /**
     * A spreadsheet stores "001089012345" typed into a number cell as 1089012345: the leading zeros are gone. For
     * identifiers that are digits of a fixed length, a whole number shorter than that length gets its zeros back.
     */
    static String digitsOfNumberCell(Object raw, int length) {
        BigDecimal d = raw instanceof BigDecimal bd ? bd
                : raw instanceof Long || raw instanceof Integer ? BigDecimal.valueOf(((Number) raw).longValue()) : null;
        if (d == null) {
            return raw.toString();
        }
        String digits;
        try {
            digits = d.toBigIntegerExact().toString();
        } catch (ArithmeticException e) {
            return d.toPlainString();
        }
        if (digits.startsWith("-") || digits.length() >= length) {
            return digits;
        }
        return "0".repeat(length - digits.length()) + digits;
    }

    /** A phone number typed into a number cell lost its leading 0 (912345678) unless written with 84. */
    private static String phoneOfNumberCell(String digits) {
        return digits.startsWith("84") && digits.length() >= 11 ? digits : "0" + digits;
    }

    /** Finds a code by its code (any case) or by its Vietnamese or English label, ignoring case and diacritics. */
    public static CodeValue matchCode(CodeList list, String s) {
        for (CodeValue v : list.values()) {
            if (v.code().equalsIgnoreCase(s)) {
                return v;
            }
        }
        String fs = VietnameseText.fold(s);
        for (CodeValue v : list.values()) {
            if (VietnameseText.fold(v.labelVi()).equals(fs) || VietnameseText.fold(v.labelEn()).equals(fs)) {
                return v;
            }
        }
        return null;
    }

    private static boolean range(FieldDescriptor f, BigDecimal v, List<FieldViolation> out) {
        if (f.min() != null && v.compareTo(f.min()) < 0) {
            out.add(Violations.belowMin(f.name(), f.min().toPlainString()));
            return false;
        }
        if (f.max() != null && v.compareTo(f.max()) > 0) {
            out.add(Violations.aboveMax(f.name(), f.max().toPlainString()));
            return false;
        }
        return true;
    }

    /**
     * Reads a number written the Vietnamese way or the international way: "1.500.000" and "1,500,000" (grouped
     * thousands), "1234,5" and "1234.5", "1.234,5" and "1,234.5".
     */
    static BigDecimal number(Object raw, boolean whole) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double dv = ((Number) raw).doubleValue();
            if (Double.isNaN(dv) || Double.isInfinite(dv)) {
                return null;
            }
            return new BigDecimal(Double.toString(dv));
        }
        if (!(raw instanceof String)) {
            return null;
        }
        String s = ((String) raw).strip().replace("\u00a0", "").replace("\u202f", "");
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        if (GROUPED.matcher(s).matches() && (whole || s.chars().filter(ch -> ch == '.' || ch == ',').count() > 1
                || s.indexOf(' ') >= 0 || s.indexOf('\'') >= 0)) {
            s = s.replaceAll("[.,' ]", "");
        } else {
            s = s.replace(" ", "");
            int dot = s.lastIndexOf('.');
            int comma = s.lastIndexOf(',');
            if (dot >= 0 && comma >= 0) {
                if (comma > dot) {
                    s = s.replace(".", "").replace(',', '.');
                } else {
                    s = s.replace(",", "");
                }
            } else if (comma >= 0) {
                if (s.indexOf(',') != comma) {
                    return null;
                }
                s = s.replace(',', '.');
            }
        }
        if (!s.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (raw instanceof Date d) {
            return d.toInstant().atZone(VIETNAM).toLocalDate();
        }
        if (!(raw instanceof String)) {
            return null;
        }
        String s = ((String) raw).strip();
        try {
            if (s.length() >= 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s.substring(0, 10));
            }
            if (s.indexOf('/') > 0) {
                return LocalDate.parse(s, VN_DATE);
            }
            if (s.indexOf('-') > 0) {
                return LocalDate.parse(s, VN_DATE_DASH);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    static Instant instant(Object raw) {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (raw instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (raw instanceof LocalDateTime l) {
            return l.atZone(VIETNAM).toInstant();
        }
        if (raw instanceof Date d) {
            return d.toInstant();
        }
        if (!(raw instanceof String)) {
            return null;
        }
        String s = ((String) raw).strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the local forms
        }
        try {
            return LocalDateTime.parse(s).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            // try the Vietnamese form
        }
        try {
            return LocalDateTime.parse(s, VN_DATE_TIME).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 0xxxxxxxxx for mobiles, 02xxxxxxxxx for landlines; +84 and 84 prefixes are read as 0. */
    static String phone(String raw) {
        String s = raw.replaceAll("[\\s.\\-()]", "");
        if (s.startsWith("+84")) {
            s = "0" + s.substring(3);
        } else if (s.startsWith("84") && (s.length() == 11 || s.length() == 12)) {
            s = "0" + s.substring(2);
        }
        if (MOBILE.matcher(s).matches() || LANDLINE.matcher(s).matches()) {
            return s;
        }
        return null;
    }
}
