package org.xaso.demo.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.record.RecordService;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.unit.AdminUnitService;

/**
 * Loads demo data in the background a few seconds after registers are deployed (so a whole domain bundle is there
 * first). Configured in {@code etc/org.xaso.demo.cfg}; {@code enabled=false} turns it off.
 */
@Component(immediate = true, configurationPid = "org.xaso.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoLoader.Config.class)
public class DemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    @ObjectClassDefinition(name = "Xã Số demo data", description = "Dữ liệu mẫu / Demo data")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Load demo data into registers that never had any")
        boolean enabled() default true;

        @AttributeDefinition(name = "Communes", description = "Commune codes that get demo data")
        String[] communes() default {"27787", "27793", "27817"};

        @AttributeDefinition(name = "Records per commune", description = "Demo records per register and commune")
        int recordsPerCommune() default 40;

        @AttributeDefinition(name = "Seed", description = "Random seed: the same seed gives the same data")
        long seed() default 2025L;
    }

    @Reference
    private RecordService records;

    @Reference
    private AdminUnitService units;

    private final List<RegisterDescriptor> registers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private Config config;
    private volatile DemoData running;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(xaso.register.id=*)")
    void addRegister(RegisterDescriptor d) {
        registers.add(d);
        schedule();
    }

    void removeRegister(RegisterDescriptor d) {
        registers.remove(d);
    }

    @Activate
    void activate(Config config) {
        this.config = config;
        if (!config.enabled()) {
            LOG.info("Demo data disabled (etc/org.xaso.demo.cfg)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xaso-demo-data");
            t.setDaemon(true);
            return t;
        });
        schedule();
    }

    private synchronized void schedule() {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::run, 3, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            DemoData demo = new DemoData(records, units);
            running = demo;
            if (executor.isShutdown()) {
                return;
            }
            demo.load(new ArrayList<>(registers), split(config.communes()), config.recordsPerCommune(), config.seed(),
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be loaded: {}", e.getMessage(), e);
        } finally {
            running = null;
        }
    }

    /** Configuration files give lists as one comma-separated value. */
    static List<String> split(String[] values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /**
     * Stops a load in progress at the next record and waits for it (the thread is not interrupted: an interrupt in
     * the middle of a database write can leave the embedded database waiting on locks while the server stops).
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        if (executor == null) {
            return;
        }
        synchronized (this) {
            if (next != null) {
                next.cancel(false);
            }
            executor.shutdown();
        }
        DemoData demo = running;
        if (demo != null) {
            demo.cancel();
        }
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            LOG.warn("Demo data still loading after 20 s; stopping it");
            executor.shutdownNow();
        }
    }
}
