package org.xaso.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.xaso.api.context.CallerContext;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.CommuneStatus;
import org.xaso.api.unit.Hamlet;
import org.xaso.api.unit.UnitKind;
import org.xaso.api.unit.UnitSuccession;

/** Administrative units for engine tests: one current ward, one commune gone in 2025, and their hamlets. */
public final class TestUnits implements AdminUnitService {

    public static final String WARD = "27787";
    public static final String COMMUNE = "27793";
    public static final String GONE = "27805";

    private final List<AdminUnit> units = List.of(
            new AdminUnit(WARD, "Phường Kiến Tường", UnitKind.PHUONG, "80", LocalDate.of(2025, 7, 1), null, null, true, "test"),
            new AdminUnit(COMMUNE, "Xã Bình Hiệp", UnitKind.XA, "80", LocalDate.of(2025, 7, 1), null, null, true, "test"),
            new AdminUnit(GONE, "Xã Tuyên Thạnh", UnitKind.XA, "795", null, LocalDate.of(2025, 6, 30), null, true, "test"),
            new AdminUnit("27817", "Xã Tuyên Thạnh", UnitKind.XA, "80", LocalDate.of(2025, 7, 1), null, null, true, "test"));
    private final List<Hamlet> hamlets = new ArrayList<>(List.of(
            new Hamlet(WARD, "KP1", "Khu phố 1", true, "test"),
            new Hamlet(WARD, "KP2", "Khu phố 2", true, "test"),
            new Hamlet(COMMUNE, "AP1", "Ấp Bình Tây", true, "test"),
            new Hamlet(COMMUNE, "AP2", "Ấp Gò Dồn", true, "test"),
            new Hamlet(COMMUNE, "AP9", "Ấp Cũ", false, "test")));

    @Override
    public List<AdminUnit> units() {
        return units;
    }

    @Override
    public List<UnitSuccession> successions() {
        return List.of(new UnitSuccession(GONE + "@", "27817@2025-07-01", LocalDate.of(2025, 7, 1), false, "test"));
    }

    @Override
    public CommuneStatus commune(String code) {
        List<AdminUnit> h = units.stream().filter(u -> u.code().equals(code)).toList();
        AdminUnit cur = h.stream().filter(u -> u.validTo() == null).findFirst().orElse(null);
        List<AdminUnit> succ = cur == null && !h.isEmpty() ? List.of(units.get(3)) : List.of();
        return new CommuneStatus(code, cur, h, succ);
    }

    @Override
    public AdminUnit requireCurrentCommune(String code) {
        CommuneStatus s = commune(code);
        if (s.exists()) {
            return s.current();
        }
        if (s.known()) {
            throw new CommuneGoneException(s.history().get(s.history().size() - 1), s.successors());
        }
        throw new NotFoundException(NotFoundException.What.COMMUNE, code);
    }

    @Override
    public List<Hamlet> hamlets(String communeCode) {
        return hamlets.stream().filter(h -> h.communeCode().equals(communeCode)).toList();
    }

    @Override
    public Hamlet saveHamlet(CallerContext ctx, Hamlet hamlet) {
        hamlets.add(hamlet);
        return hamlet;
    }
}
