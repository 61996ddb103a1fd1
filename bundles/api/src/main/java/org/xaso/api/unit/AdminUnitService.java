package org.xaso.api.unit;

import java.util.List;

import org.xaso.api.context.CallerContext;

/** Administrative units with their history, and the hamlets of each commune. */
public interface AdminUnitService {

    /** Every unit known, all periods, ordered by code then valid-from. */
    List<AdminUnit> units();

    /** Every predecessor → successor link. */
    List<UnitSuccession> successions();

    /** What a code means today: the current unit, its history, and where the last holder went. */
    CommuneStatus commune(String code);

    /**
     * The current commune with this code.
     *
     * @throws org.xaso.api.error.NotFoundException    when no commune ever had the code
     * @throws org.xaso.api.error.CommuneGoneException when the commune no longer exists; names its successors
     */
    AdminUnit requireCurrentCommune(String code);

    /** The hamlets of a commune, active ones first. */
    List<Hamlet> hamlets(String communeCode);

    /**
     * Adds a hamlet to a commune, or renames it when the code exists.
     *
     * @throws org.xaso.api.error.ValidationException when code or name is missing or too long
     */
    Hamlet saveHamlet(CallerContext ctx, Hamlet hamlet);
}
