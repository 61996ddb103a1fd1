package org.xaso.units.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.ValidationException;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.CommuneStatus;
import org.xaso.api.unit.Hamlet;
import org.xaso.api.unit.UnitSuccession;

/**
 * The administrative units service: what is shipped in {@code xaso/units/*.tsv} is merged into the database at start,
 * then the database is the reference. "Today" is the day in Vietnam.
 */
public class AdminUnits implements AdminUnitService {

    private static final Logger LOG = LoggerFactory.getLogger(AdminUnits.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern HAMLET_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final UnitStore store;
    private final Clock clock;
    private final UnitCatalog catalog;
    private final Map<String, List<Hamlet>> hamlets = new ConcurrentHashMap<>();

    AdminUnits(UnitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        List<AdminUnit> shipped;
        List<UnitSuccession> successions;
        try (InputStream u = AdminUnits.class.getResourceAsStream("/xaso/units/units.tsv");
             InputStream s = AdminUnits.class.getResourceAsStream("/xaso/units/successions.tsv")) {
            shipped = UnitData.units(u);
            successions = UnitData.successions(s, shipped);
        } catch (IOException e) {
            throw new UncheckedIOException("the units shipped with the bundle cannot be read", e);
        }
        int changed = store.syncShipped(shipped, successions);
        this.catalog = store.catalog();
        LOG.info("Administrative units: {} units, {} successions ({} rows updated from the shipped list)",
                catalog.units().size(), catalog.successions().size(), changed);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    @Override
    public List<AdminUnit> units() {
        return catalog.units();
    }

    @Override
    public List<UnitSuccession> successions() {
        return catalog.successions();
    }

    @Override
    public CommuneStatus commune(String code) {
        return catalog.commune(code, today());
    }

    @Override
    public AdminUnit requireCurrentCommune(String code) {
        return catalog.requireCurrentCommune(code, today());
    }

    @Override
    public List<Hamlet> hamlets(String communeCode) {
        return hamlets.computeIfAbsent(communeCode, store::hamlets);
    }

    @Override
    public Hamlet saveHamlet(CallerContext ctx, Hamlet h) {
        requireCurrentCommune(h.communeCode());
        List<FieldViolation> v = new ArrayList<>();
        if (!HAMLET_CODE.matcher(h.code()).matches()) {
            v.add(new FieldViolation("code", "invalid-code", "Mã ấp gồm chữ, số, '.', '_' hoặc '-', tối đa 64 ký tự",
                    "a hamlet code is letters, digits, '.', '_' or '-', at most 64"));
        }
        String name = java.text.Normalizer.normalize(h.name().strip().replaceAll("\\s+", " "), java.text.Normalizer.Form.NFC);
        if (name.isEmpty() || name.length() > 100) {
            v.add(new FieldViolation("name", "invalid-name", "Tên ấp từ 1 đến 100 ký tự", "a hamlet name has 1 to 100 characters"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.BODY, v);
        }
        Hamlet saved = store.save(new Hamlet(h.communeCode(), h.code(), name, h.active(),
                h.source() == null ? ctx.user() : h.source()), ctx.user(), clock.instant());
        hamlets.remove(h.communeCode());
        return saved;
    }
}
