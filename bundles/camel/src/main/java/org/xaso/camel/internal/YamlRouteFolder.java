package org.xaso.camel.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.camel.api.RouteFiles;

/**
 * Hot deployment of YAML routes: every {@code *.yaml} / {@code *.yml} file of a folder is loaded, reloaded when it
 * changes and unloaded when it is deleted. A file that cannot be loaded is refused whole (none of its routes run) with
 * one clear log line; if an earlier version of it was running, that version keeps running.
 */
final class YamlRouteFolder implements RouteFiles {

    private static final Logger LOG = LoggerFactory.getLogger(YamlRouteFolder.class);
    /** How long a refused, unchanged file waits before it is tried again. */
    static final long RETRY_MILLIS = 15_000;

    /** What is known of one file. */
    private static final class Entry {
        long modified;
        long size;
        byte[] pending;
        byte[] runningContent;
        List<String> routeIds = List.of();
        RouteFiles.Status status;
        String error;
        Instant at;
    }

    private final CamelContext camel;
    private final Path dir;
    private final Object lock;
    private final ClassLoader loader;
    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    YamlRouteFolder(CamelContext camel, Path dir, Object lock, ClassLoader loader, Clock clock) {
        this.camel = camel;
        this.dir = dir;
        this.lock = lock;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public String directory() {
        return dir.toAbsolutePath().toString();
    }

    @Override
    public synchronized List<RouteFile> files() {
        List<RouteFile> out = new ArrayList<>();
        entries.forEach((name, e) -> out.add(new RouteFile(name, e.status, List.copyOf(e.routeIds), e.error, e.at)));
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** One pass over the folder. Files younger than a second are left for the next pass (they may be half-written). */
    synchronized void scan() {
        Map<String, Path> present = new HashMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
                for (Path p : ds) {
                    if (Files.isRegularFile(p)) {
                        present.put(p.getFileName().toString(), p);
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot read the route folder {}: {}", dir, e.getMessage());
                return;
            }
        }
        for (String name : new ArrayList<>(entries.keySet())) {
            if (!present.containsKey(name)) {
                unload(name, entries.remove(name));
            }
        }
        long now = clock.millis();
        for (Map.Entry<String, Path> f : present.entrySet()) {
            try {
                long modified = Files.getLastModifiedTime(f.getValue()).toMillis();
                long size = Files.size(f.getValue());
                Entry e = entries.get(f.getKey());
                if (e != null && e.modified == modified && e.size == size) {
                    if (e.status == RouteFiles.Status.REJECTED && e.routeIds.isEmpty()
                            && clock.millis() - e.at.toEpochMilli() >= RETRY_MILLIS) {
                        retry(f.getKey(), e);
                    }
                    continue;
                }
                if (now - modified < 1000) {
                    continue;
                }
                if (e == null) {
                    e = new Entry();
                    entries.put(f.getKey(), e);
                }
                e.modified = modified;
                e.size = size;
                load(f.getKey(), Files.readAllBytes(f.getValue()), e);
            } catch (IOException ex) {
                LOG.warn("Cannot read route file {}: {}", f.getValue(), ex.getMessage());
            }
        }
    }

    /**
     * A refused file is tried again now and then while unchanged: a route may name a bean whose bundle was not
     * started yet. Only a different outcome is logged.
     */
    private void retry(String name, Entry e) {
        synchronized (lock) {
            try {
                e.routeIds = add(name, e.pending);
                e.runningContent = e.pending;
                e.status = RouteFiles.Status.LOADED;
                e.error = null;
                e.at = clock.instant();
                LOG.info("Route file {} loaded on retry: routes {}", name, e.routeIds);
            } catch (Exception ex) {
                String reason = reason(ex);
                if (!reason.equals(e.error)) {
                    LOG.error("Route file {} still rejected: {}", name, reason);
                }
                e.error = reason;
                e.at = clock.instant();
            }
        }
    }

    private void load(String name, byte[] content, Entry e) {
        e.pending = content;
        synchronized (lock) {
            List<String> previous = e.routeIds;
            for (String id : previous) {
                RouteSet.remove(camel, id);
            }
            try {
                e.routeIds = add(name, content);
                e.runningContent = content;
                e.status = RouteFiles.Status.LOADED;
                e.error = null;
                e.at = clock.instant();
                LOG.info("Route file {} {}: routes {}", name, previous.isEmpty() ? "loaded" : "reloaded", e.routeIds);
            } catch (Exception ex) {
                e.status = RouteFiles.Status.REJECTED;
                e.error = reason(ex);
                e.at = clock.instant();
                e.routeIds = List.of();
                if (e.runningContent != null) {
                    try {
                        e.routeIds = add(name, e.runningContent);
                    } catch (Exception again) {
                        e.runningContent = null;
                    }
                }
                String running = e.routeIds.isEmpty() ? "" : " (the previous version keeps running: " + e.routeIds + ")";
                if (missingBean(ex)) {
                    LOG.warn("Route file {} waits for a bean that is not available yet, retried every {} s: {}{}", name,
                            RETRY_MILLIS / 1000, e.error, running);
                } else {
                    LOG.error("Route file {} rejected, none of its routes were started: {}{}", name, e.error, running);
                }
            }
        }
    }

    private List<String> add(String name, byte[] content) throws Exception {
        String location = "file:" + dir.resolve(name).toAbsolutePath();
        Resource resource = ResourceHelper.fromString(location, new String(content, StandardCharsets.UTF_8));
        return RouteSet.withLoader(loader, () -> RouteSet.addAtomically(camel,
                () -> PluginHelper.getRoutesLoader(camel).loadRoutes(resource)));
    }

    private void unload(String name, Entry e) {
        synchronized (lock) {
            for (String id : e.routeIds) {
                RouteSet.remove(camel, id);
            }
        }
        LOG.info("Route file {} deleted: routes {} removed", name, e.routeIds);
    }

    /** Removes every route this folder started. */
    synchronized void unloadAll() {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            unload(e.getKey(), e.getValue());
        }
        entries.clear();
    }

    private static boolean missingBean(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.apache.camel.NoSuchBeanException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable c = t;
        int depth = 0;
        while (c != null && depth++ < 4) {
            String m = c.getMessage();
            if (m != null && (sb.length() == 0 || !sb.toString().contains(m))) {
                if (sb.length() > 0) {
                    sb.append(" — ");
                }
                sb.append(m.lines().findFirst().orElse(m));
            }
            c = c.getCause();
        }
        return sb.length() == 0 ? t.getClass().getSimpleName() : sb.toString();
    }
}
