package org.xaso.api.unit;

import java.time.LocalDate;

/**
 * A predecessor → successor link between two units.
 *
 * @param predecessorKey {@link AdminUnit#key()} of the unit that ended
 * @param successorKey   {@link AdminUnit#key()} of the unit that took (part of) it over
 * @param effective      the day the successor took over
 * @param partial        true when only part of the predecessor's area and population moved: records then move by
 *                       hamlet or one by one, not all together
 * @param legalBasis     the resolution and clause, e.g. "NQ 1682/NQ-UBTVQH15, Điều 1 khoản 83"
 */
public record UnitSuccession(String predecessorKey, String successorKey, LocalDate effective, boolean partial,
                             String legalBasis) {
}
