package org.xaso.units.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.UnitKind;
import org.xaso.api.unit.UnitSuccession;

/** Reads the units and successions shipped with the bundle (tab-separated, '#' comments, one header line). */
final class UnitData {

    private UnitData() {
    }

    static List<AdminUnit> units(InputStream in) throws IOException {
        List<AdminUnit> out = new ArrayList<>();
        for (String[] c : rows(in, 9)) {
            out.add(new AdminUnit(c[0], c[1], UnitKind.fromId(c[2]), blank(c[3]), date(c[4]), date(c[5]), blank(c[6]),
                    "yes".equals(c[7]), blank(c[8])));
        }
        return out;
    }

    static List<UnitSuccession> successions(InputStream in, List<AdminUnit> units) throws IOException {
        List<UnitSuccession> out = new ArrayList<>();
        for (String[] c : rows(in, 6)) {
            AdminUnit from = units.stream().filter(u -> u.code().equals(c[0]) && String.valueOf(u.validTo()).equals(c[1]))
                    .findFirst().orElseThrow(() -> new IOException("successions: no unit " + c[0] + " ending " + c[1]));
            AdminUnit to = units.stream().filter(u -> u.code().equals(c[2]) && String.valueOf(u.validFrom()).equals(c[3]))
                    .findFirst().orElseThrow(() -> new IOException("successions: no unit " + c[2] + " starting " + c[3]));
            out.add(new UnitSuccession(from.key(), to.key(), to.validFrom(), "yes".equals(c[4]), blank(c[5])));
        }
        return out;
    }

    private static List<String[]> rows(InputStream in, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != columns) {
                    throw new IOException("line " + n + ": " + c.length + " columns, expected " + columns);
                }
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i].strip();
                }
                out.add(c);
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
