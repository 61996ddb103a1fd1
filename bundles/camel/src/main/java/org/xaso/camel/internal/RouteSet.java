package org.xaso.camel.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;

/**
 * Adds and removes groups of routes as one unit: what a contribution adds is found by comparing route ids before and
 * after, and a contribution that fails half-way is taken out again, so nothing of it keeps running.
 */
final class RouteSet {

    private RouteSet() {
    }

    /** Runs the work with the given class loader as the thread context class loader. */
    static <T> T withLoader(ClassLoader loader, Callable<T> work) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    static Set<String> ids(CamelContext camel) {
        Set<String> ids = new HashSet<>();
        for (Route r : camel.getRoutes()) {
            ids.add(r.getRouteId());
        }
        if (camel instanceof ModelCamelContext m) {
            for (RouteDefinition d : m.getRouteDefinitions()) {
                if (d.getRouteId() != null) {
                    ids.add(d.getRouteId());
                }
            }
        }
        return ids;
    }

    /** Functional work that adds routes. */
    @FunctionalInterface
    interface Adder {
        void add() throws Exception;
    }

    /**
     * @return the ids of the routes the work added
     * @throws Exception the work's failure, after every route it added was removed
     */
    static List<String> addAtomically(CamelContext camel, Adder work) throws Exception {
        Set<String> before = ids(camel);
        try {
            work.add();
        } catch (Exception e) {
            for (String id : diff(camel, before)) {
                remove(camel, id);
            }
            throw e;
        }
        return diff(camel, before);
    }

    private static List<String> diff(CamelContext camel, Set<String> before) {
        List<String> added = new ArrayList<>();
        for (String id : ids(camel)) {
            if (!before.contains(id)) {
                added.add(id);
            }
        }
        added.sort(null);
        return added;
    }

    static void remove(CamelContext camel, String id) {
        try {
            if (camel.getRoute(id) != null) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            }
        } catch (Exception e) {
            // the route may already be gone with its context
        }
        if (camel instanceof ModelCamelContext m) {
            try {
                RouteDefinition d = m.getRouteDefinition(id);
                if (d != null) {
                    m.removeRouteDefinition(d);
                }
            } catch (Exception e) {
                // nothing left to remove
            }
        }
    }
}
