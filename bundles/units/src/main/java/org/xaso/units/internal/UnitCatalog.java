package org.xaso.units.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.CommuneStatus;
import org.xaso.api.unit.UnitLevel;
import org.xaso.api.unit.UnitSuccession;

/** Units and successions in memory, answering what a commune code means on a given day. Immutable. */
final class UnitCatalog {

    private final List<AdminUnit> units;
    private final List<UnitSuccession> successions;
    private final Map<String, AdminUnit> byKey;

    UnitCatalog(List<AdminUnit> units, List<UnitSuccession> successions) {
        List<AdminUnit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing(AdminUnit::code)
                .thenComparing(u -> u.validFrom() == null ? LocalDate.MIN : u.validFrom()));
        this.units = List.copyOf(sorted);
        this.successions = List.copyOf(successions);
        this.byKey = this.units.stream().collect(Collectors.toMap(AdminUnit::key, Function.identity(), (a, b) -> a));
    }

    List<AdminUnit> units() {
        return units;
    }

    List<UnitSuccession> successions() {
        return successions;
    }

    CommuneStatus commune(String code, LocalDate day) {
        List<AdminUnit> history = units.stream().filter(u -> u.code().equals(code) && u.level() == UnitLevel.COMMUNE).toList();
        AdminUnit current = history.stream().filter(u -> u.validOn(day)).findFirst().orElse(null);
        List<AdminUnit> successors = List.of();
        if (current == null && !history.isEmpty()) {
            successors = successorsToday(history.get(history.size() - 1), day);
        }
        return new CommuneStatus(code, current, history, successors);
    }

    /** Follows successions until units that exist on the day (a unit may have been merged twice). */
    private List<AdminUnit> successorsToday(AdminUnit unit, LocalDate day) {
        List<AdminUnit> out = new ArrayList<>();
        List<AdminUnit> frontier = List.of(unit);
        for (int depth = 0; depth < 10 && !frontier.isEmpty(); depth++) {
            List<AdminUnit> next = new ArrayList<>();
            for (AdminUnit u : frontier) {
                for (UnitSuccession s : successions) {
                    if (s.predecessorKey().equals(u.key())) {
                        AdminUnit succ = byKey.get(s.successorKey());
                        if (succ == null) {
                            continue;
                        }
                        if (succ.validOn(day)) {
                            if (!out.contains(succ)) {
                                out.add(succ);
                            }
                        } else {
                            next.add(succ);
                        }
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    AdminUnit requireCurrentCommune(String code, LocalDate day) {
        CommuneStatus s = commune(code, day);
        if (s.exists()) {
            return s.current();
        }
        if (s.known()) {
            throw new CommuneGoneException(s.history().get(s.history().size() - 1), s.successors());
        }
        boolean otherLevel = units.stream().anyMatch(u -> u.code().equals(code));
        throw new NotFoundException(NotFoundException.What.COMMUNE, code,
                otherLevel ? "Mã " + code + " là đơn vị cấp tỉnh hoặc huyện, không phải cấp xã"
                        : "Không có đơn vị hành chính cấp xã mã " + code,
                otherLevel ? "Code " + code + " is a province or district, not a commune"
                        : "No commune-level unit has code " + code);
    }
}
