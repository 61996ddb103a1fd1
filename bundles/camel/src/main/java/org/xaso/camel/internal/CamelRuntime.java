package org.xaso.camel.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
import org.xaso.camel.api.RouteFiles;

/**
 * The one CamelContext of the server. It is published as an OSGi service; bundles contribute routes as
 * {@link RoutesBuilder} services, added when they appear and removed (by route id) when they go; YAML routes are
 * hot-deployed from a watched folder; OSGi services with {@code xaso.bean.name} are beans of that name.
 */
@Component(immediate = true, configurationPid = "org.xaso.camel")
@Designate(ocd = CamelRuntime.Config.class)
public class CamelRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    @ObjectClassDefinition(name = "Xã Số Camel runtime", description = "Bộ điều phối tích hợp / The integration runtime")
    public @interface Config {
        @AttributeDefinition(name = "Routes folder", description = "Folder of hot-deployed YAML routes; relative"
                + " paths are under the distribution (karaf.base)")
        String routesDirectory() default "routes";

        @AttributeDefinition(name = "Scan interval", description = "Seconds between two looks at the routes folder")
        int scanIntervalSeconds() default 2;
    }

    private final Object lock = new Object();
    private final List<RoutesBuilder> pending = new CopyOnWriteArrayList<>();
    private final Map<RoutesBuilder, List<String>> contributed = new ConcurrentHashMap<>();

    private volatile DefaultCamelContext camel;
    private OsgiBeanRepository beans;
    private ServiceRegistration<?> registration;
    private ServiceRegistration<RouteFiles> filesRegistration;
    private YamlRouteFolder folder;
    private ScheduledExecutorService scanner;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRoutesBuilder(RoutesBuilder builder) {
        synchronized (lock) {
            if (camel == null) {
                pending.add(builder);
            } else {
                contribute(builder);
            }
        }
    }

    void removeRoutesBuilder(RoutesBuilder builder) {
        synchronized (lock) {
            pending.remove(builder);
            List<String> ids = contributed.remove(builder);
            if (ids != null && camel != null) {
                ids.forEach(id -> RouteSet.remove(camel, id));
                LOG.info("Routes {} removed with their bundle", ids);
            }
        }
    }

    private void contribute(RoutesBuilder builder) {
        try {
            ClassLoader loader = CamelRuntime.class.getClassLoader();
            List<String> ids = RouteSet.withLoader(loader, () -> RouteSet.addAtomically(camel, () -> camel.addRoutes(builder)));
            contributed.put(builder, ids);
            LOG.info("Routes {} added from {}", ids, builder.getClass().getName());
        } catch (Exception e) {
            LOG.error("Routes of {} refused: {}", builder.getClass().getName(), e.getMessage(), e);
        }
    }

    @Activate
    void activate(BundleContext context, Config config) throws Exception {
        ClassLoader loader = CamelRuntime.class.getClassLoader();
        beans = new OsgiBeanRepository(context);
        beans.open();
        DefaultRegistry registry = new DefaultRegistry();
        registry.addBeanRepository(beans);
        DefaultCamelContext ctx = RouteSet.withLoader(loader, () -> {
            DefaultCamelContext c = new DefaultCamelContext(registry);
            c.getCamelContextExtension().setName("xaso");
            c.setApplicationContextClassLoader(loader);
            c.start();
            return c;
        });
        synchronized (lock) {
            camel = ctx;
            for (RoutesBuilder b : pending) {
                contribute(b);
            }
            pending.clear();
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("camel.context.name", "xaso");
        registration = context.registerService(CamelContext.class.getName(), ctx, props);

        Path dir = Paths.get(config.routesDirectory());
        if (!dir.isAbsolute()) {
            dir = Paths.get(System.getProperty("karaf.base", ".")).resolve(dir);
        }
        Files.createDirectories(dir);
        folder = new YamlRouteFolder(ctx, dir, lock, loader, Clock.systemUTC());
        filesRegistration = context.registerService(RouteFiles.class, folder, null);
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xaso-routes-folder");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::scan, 0, Math.max(1, config.scanIntervalSeconds()), TimeUnit.SECONDS);
        LOG.info("Camel {} started; YAML routes are watched in {}", ctx.getVersion(), dir);
    }

    private void scan() {
        try {
            folder.scan();
        } catch (RuntimeException e) {
            LOG.error("Route folder scan failed: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
        if (filesRegistration != null) {
            filesRegistration.unregister();
        }
        if (registration != null) {
            registration.unregister();
        }
        synchronized (lock) {
            if (camel != null) {
                try {
                    camel.stop();
                } catch (RuntimeException e) {
                    LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
                }
                camel = null;
            }
            contributed.clear();
        }
        if (beans != null) {
            beans.close();
        }
    }
}
