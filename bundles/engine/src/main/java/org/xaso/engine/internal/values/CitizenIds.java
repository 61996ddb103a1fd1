package org.xaso.engine.internal.values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD card), checked by structure:
 * digits 1-3 the province where the birth was registered, digit 4 gender and century (0/1 male/female born 1900-1999,
 * 2/3 2000-2099, 4/5 2100-2199, 6/7 2200-2299, 8/9 2300-2399), digits 5-6 the last two digits of the birth year,
 * digits 7-12 random; there is no check digit (Decree 137/2015/NĐ-CP art. 13 and Circular 07/2016/TT-BCA, kept in
 * practice since the Identification Law 26/2023/QH15, whose art. 12 only says "12 digits").
 * <p>
 * A number may start with a country code instead of a province code for births registered abroad; no public list of
 * those codes was found, so such prefixes are accepted only when the province IT team lists them in the engine's
 * configuration ({@code citizenIdExtraPrefixes}). See docs/reference/citizen-id.md.
 */
public final class CitizenIds {

    private static final Map<String, String> PROVINCES = load();

    /** Why a number was refused, or null when it is valid. */
    public record Problem(String messageVi, String messageEn) {
    }

    private CitizenIds() {
    }

    /** The province codes of birth registration, with names, as listed in the resource file. */
    public static Map<String, String> provinceCodes() {
        return PROVINCES;
    }

    /** Digits only; spaces, dots and dashes that people type inside numbers are removed. */
    public static String normalise(String s) {
        return s.replaceAll("[\\s.\\-]", "");
    }

    public static Problem check(String id, Year thisYear) {
        return check(id, thisYear, java.util.Set.of());
    }

    /**
     * @param extraPrefixes further 3-digit prefixes accepted (country codes of births registered abroad)
     */
    public static Problem check(String id, Year thisYear, java.util.Set<String> extraPrefixes) {
        if (id.length() != 12 || !id.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return new Problem("Số định danh cá nhân phải gồm đúng 12 chữ số",
                    "a personal identification number has exactly 12 digits");
        }
        String province = id.substring(0, 3);
        if (!PROVINCES.containsKey(province) && !extraPrefixes.contains(province)) {
            return new Problem("3 số đầu '" + province + "' không phải mã tỉnh nơi đăng ký khai sinh",
                    "the first 3 digits '" + province + "' are not a province code of birth registration");
        }
        int year = org.xaso.api.register.PersonalIdNumbers.birthYear(id);
        if (year > thisYear.getValue()) {
            return new Problem("Số thứ 4-6 cho năm sinh " + year + ", sau năm hiện tại",
                    "digits 4-6 give birth year " + year + ", which is in the future");
        }
        return null;
    }

    private static Map<String, String> load() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = CitizenIds.class.getResourceAsStream("citizen-id-provinces.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] parts = line.split("\t");
                m.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }
}
