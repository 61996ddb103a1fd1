package org.xaso.camel.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.BeanRepository;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Makes OSGi services that carry the property {@value #NAME_PROPERTY} reachable from routes by that name, e.g.
 * {@code bean:xasoRecords?method=count(...)}. Services are tracked, so a bean that goes away is no longer found.
 */
final class OsgiBeanRepository implements BeanRepository {

    static final String NAME_PROPERTY = "xaso.bean.name";

    private final ServiceTracker<Object, Object> tracker;
    private final Map<String, Object> byName = new ConcurrentHashMap<>();

    OsgiBeanRepository(BundleContext context) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter("(" + NAME_PROPERTY + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object service = context.getService(ref);
                if (service != null) {
                    byName.put(String.valueOf(ref.getProperty(NAME_PROPERTY)), service);
                }
                return service;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object service) {
                byName.remove(String.valueOf(ref.getProperty(NAME_PROPERTY)), service);
                context.ungetService(ref);
            }
        };
    }

    void open() {
        tracker.open(true);
    }

    void close() {
        tracker.close();
        byName.clear();
    }

    @Override
    public Object lookupByName(String name) {
        return byName.get(name);
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        Object o = byName.get(name);
        return type.isInstance(o) ? type.cast(o) : null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        Map<String, T> out = new HashMap<>();
        byName.forEach((k, v) -> {
            if (type.isInstance(v)) {
                out.put(k, type.cast(v));
            }
        });
        return out;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return new HashSet<>(findByTypeWithName(type).values());
    }
}
