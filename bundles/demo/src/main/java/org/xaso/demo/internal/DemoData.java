package org.xaso.demo.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.XasoException;
import org.xaso.api.record.Filter;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.Hamlet;

/**
 * Loads demo data once: hamlets for the demo communes that have none, then records for each register that has never
 * had demo records (deleted ones count, so demo data removed by officers does not come back). Every record is written
 * through the engine with source {@value #SOURCE}, so it is validated, audited and easy to find and remove.
 */
public final class DemoData {

    static final String SOURCE = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final int ATTEMPTS = 5;

    private final RecordService records;
    private final AdminUnitService units;
    /** The last reason a demo record of each register was refused (for descriptor authors). */
    public final Map<String, String> lastRefusal = new java.util.concurrent.ConcurrentHashMap<>();

    private final CallerContext ctx = CallerContext.builder().user("system:demo").channel("demo").source(SOURCE)
            .purpose("dữ liệu mẫu / demo data").allCommunes().build();

    /** Set when the server stops: the load ends after the record being written, leaving no work in flight. */
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public DemoData(RecordService records, AdminUnitService units) {
        this.records = records;
        this.units = units;
    }

    /**
     * @return records created per register
     */
    public Map<String, Integer> load(List<RegisterDescriptor> registers, List<String> communes, int perCommune, long seed,
                              Clock clock) {
        Map<String, Integer> created = new LinkedHashMap<>();
        for (String commune : communes) {
            ensureHamlets(commune);
        }
        DemoGenerator gen = new DemoGenerator(seed, clock.instant());
        for (RegisterDescriptor d : dependencyOrder(registers)) {
            if (cancelled) {
                return created;
            }
            if (d.flags().autoAggregate() || hasDemo(d, communes.get(0))) {
                continue;
            }
            int n = 0;
            for (String commune : communes) {
                n += fill(d, commune, perCommune, gen);
            }
            created.put(d.id(), n);
            LOG.info("Demo data: {} records of {} ({}) in {}", n, d.id(), d.nameVi(), communes);
        }
        // registers computed from the others (the IT summary): computed once the demo records are there
        for (RegisterDescriptor d : registers) {
            if (!d.flags().autoAggregate()) {
                continue;
            }
            for (String commune : communes) {
                if (cancelled) {
                    return created;
                }
                try {
                    records.aggregate(ctx, d.id(), commune, Map.of());
                } catch (XasoException e) {
                    LOG.info("Demo data: {} not computed for {}: {}", d.id(), commune, e.getMessage());
                }
            }
        }
        return created;
    }

    private int fill(RegisterDescriptor d, String commune, int count, DemoGenerator gen) {
        AdminUnit unit = units.requireCurrentCommune(commune);
        List<Hamlet> hamlets = units.hamlets(commune);
        Map<String, List<String>> refs = new HashMap<>();
        int made = 0;
        for (int i = 0; i < count && !cancelled; i++) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Map<String, Object> data = gen.record(d, unit.name(), hamlets,
                        reg -> refs.computeIfAbsent(reg, r -> ids(r, commune)), i);
                try {
                    records.create(ctx, d.id(), commune, data);
                    made++;
                    break;
                } catch (RuntimeException e) {
                    // refused data, or a database that was busy: try another record; one register never stops the load
                    String why = e instanceof org.xaso.api.error.ValidationException v ? v.violations().toString() : e.getMessage();
                    lastRefusal.put(d.id(), why);
                    if (attempt == ATTEMPTS - 1) {
                        LOG.debug("Demo record of {} refused: {}", d.id(), why);
                    }
                }
            }
        }
        return made;
    }

    private List<String> ids(String register, String commune) {
        try {
            List<String> out = new ArrayList<>();
            for (RegisterRecord r : records.search(ctx, register, commune, RecordQuery.builder().limit(500).build()).items()) {
                out.add(r.id().toString());
            }
            return out;
        } catch (XasoException e) {
            return List.of();
        }
    }

    private boolean hasDemo(RegisterDescriptor d, String commune) {
        RecordQuery q = RecordQuery.builder().filter(new Filter("source", Filter.Op.EQ, List.of(SOURCE)))
                .includeDeleted(true).limit(0).build();
        return records.search(ctx, d.id(), commune, q).total() > 0;
    }

    private void ensureHamlets(String commune) {
        if (!units.hamlets(commune).isEmpty()) {
            return;
        }
        AdminUnit u = units.requireCurrentCommune(commune);
        boolean ward = u.kind().id().equals("phuong");
        for (int i = 1; i <= 6; i++) {
            String code = (ward ? "KP" : "AP") + String.format("%02d", i);
            String name = (ward ? "Khu phố " : "Ấp ") + i;
            units.saveHamlet(ctx, new Hamlet(commune, code, name, true, SOURCE));
        }
        LOG.info("Demo data: 6 hamlets created for {} ({})", u.name(), commune);
    }

    /** Registers referred to come before those that refer to them. */
    static List<RegisterDescriptor> dependencyOrder(List<RegisterDescriptor> registers) {
        Map<String, RegisterDescriptor> byId = new LinkedHashMap<>();
        registers.forEach(r -> byId.put(r.id(), r));
        List<RegisterDescriptor> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (RegisterDescriptor r : registers) {
            visit(r, byId, done, new HashSet<>(), out);
        }
        return out;
    }

    private static void visit(RegisterDescriptor r, Map<String, RegisterDescriptor> byId, Set<String> done,
                              Set<String> path, List<RegisterDescriptor> out) {
        if (done.contains(r.id()) || !path.add(r.id())) {
            return;
        }
        for (FieldDescriptor f : r.fields()) {
            if (f.type() == FieldType.REFERENCE && byId.containsKey(f.refRegister())) {
                visit(byId.get(f.refRegister()), byId, done, path, out);
            }
        }
        done.add(r.id());
        out.add(r);
    }
}
