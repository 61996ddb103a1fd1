package org.xaso.api.unit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrative unit over one period of validity. A code alone does not identify a unit: since the 2025 reform
 * new units took over codes of predecessors (27787 was Phường 1 until 30 June 2025 and is Phường Kiến Tường since
 * 1 July 2025), so a unit is its code together with its valid-from date.
 *
 * @param code          the official code (2 digits for provinces, 3 for districts, 5 for communes)
 * @param name          the full name, e.g. "Phường Kiến Tường"
 * @param kind          xã, phường, đặc khu, tỉnh...
 * @param parentCode    the unit above during this period (for communes since 2025: the province), or null
 * @param validFrom     first day of validity
 * @param validTo       last day of validity, or null while the unit exists
 * @param legalBasis    the decision or resolution that created the unit, when known
 * @param codeConfirmed whether the code was confirmed against an official list (never invented; see the data file)
 * @param source        where the code was read
 */
public record AdminUnit(String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
                        LocalDate validTo, String legalBasis, boolean codeConfirmed, String source) {

    public AdminUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public UnitLevel level() {
        return kind.level();
    }

    /** Whether the unit exists on the given day. */
    public boolean validOn(LocalDate day) {
        boolean started = validFrom == null || !day.isBefore(validFrom);
        boolean notEnded = validTo == null || !day.isAfter(validTo);
        return started && notEnded;
    }

    /** The key that identifies this unit over time: {@code code@validFrom}. */
    public String key() {
        return code + "@" + (validFrom == null ? "" : validFrom);
    }
}
