package org.xaso.api.error;

import java.util.List;
import java.util.stream.Collectors;

import org.xaso.api.unit.AdminUnit;

/**
 * The commune named no longer exists (merged or dissolved, e.g. by the 1 July 2025 reform); the successors say where
 * its territory went.
 */
public class CommuneGoneException extends XasoException {
    private static final long serialVersionUID = 1L;

    private final transient AdminUnit unit;
    private final transient List<AdminUnit> successors;

    public CommuneGoneException(AdminUnit unit, List<AdminUnit> successors) {
        super(unit.name() + " (" + unit.code() + ") không còn tồn tại từ " + unit.validTo().plusDays(1)
                        + "; đơn vị kế thừa: " + names(successors),
                unit.name() + " (" + unit.code() + ") no longer exists since " + unit.validTo().plusDays(1)
                        + "; succeeded by " + names(successors));
        this.unit = unit;
        this.successors = List.copyOf(successors);
    }

    private static String names(List<AdminUnit> s) {
        if (s.isEmpty()) {
            return "—";
        }
        return s.stream().map(u -> u.name() + " (" + u.code() + ")").collect(Collectors.joining(", "));
    }

    public AdminUnit unit() {
        return unit;
    }

    public List<AdminUnit> successors() {
        return successors;
    }

    @Override
    public String problemCode() {
        return "commune-gone";
    }
}
