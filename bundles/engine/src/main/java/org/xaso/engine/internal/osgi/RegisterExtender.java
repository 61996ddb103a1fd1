package org.xaso.engine.internal.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.descriptor.DescriptorException;
import org.xaso.engine.internal.descriptor.DescriptorReader;

/**
 * The extender that turns register bundles into deployed registers. A register bundle names, in its manifest, the
 * folder of its descriptors ({@value #REGISTERS_HEADER}) and of its code lists ({@value #CODE_LISTS_HEADER}); when
 * the bundle starts its registers are deployed (tables created or extended) and published; when it stops they leave
 * service. Their tables and records stay.
 */
final class RegisterExtender implements BundleTrackerCustomizer<List<RegisterExtender.Published>> {

    static final String REGISTERS_HEADER = "Xaso-Registers";
    static final String CODE_LISTS_HEADER = "Xaso-CodeLists";

    private static final Logger LOG = LoggerFactory.getLogger(RegisterExtender.class);

    /** A register deployed from a bundle, and its service registration. */
    record Published(String registerId, ServiceRegistration<RegisterDescriptor> registration) {
    }

    private final Engine engine;
    private final BundleContext context;
    private final Map<String, CodeList> builtInCodeLists;
    private final DescriptorReader reader = new DescriptorReader();

    RegisterExtender(Engine engine, BundleContext context, Map<String, CodeList> builtInCodeLists) {
        this.engine = engine;
        this.context = context;
        this.builtInCodeLists = builtInCodeLists;
    }

    @Override
    public List<Published> addingBundle(Bundle bundle, BundleEvent event) {
        String path = bundle.getHeaders().get(REGISTERS_HEADER);
        if (path == null) {
            return null;
        }
        String who = bundle.getSymbolicName() + " " + bundle.getVersion();
        Map<String, CodeList> lists = new HashMap<>(builtInCodeLists);
        String listPath = bundle.getHeaders().get(CODE_LISTS_HEADER);
        if (listPath != null) {
            for (URL url : entries(bundle, listPath)) {
                try (InputStream in = url.openStream()) {
                    CodeList l = reader.readCodeList(who + " " + url.getPath(), in);
                    lists.put(l.id(), l);
                } catch (DescriptorException | IOException e) {
                    LOG.error("Code list refused: {}", e.getMessage());
                }
            }
        }
        List<Published> published = new ArrayList<>();
        for (URL url : entries(bundle, path)) {
            String source = who + " " + url.getPath();
            try (InputStream in = url.openStream()) {
                DescriptorReader.Parsed parsed = reader.readRegister(source, in, lists::get);
                engine.deploy(parsed, who, bundle.getBundleId());
                Dictionary<String, Object> props = new Hashtable<>();
                props.put("xaso.register.id", parsed.descriptor().id());
                props.put("xaso.register.domain", parsed.descriptor().domain());
                ServiceRegistration<RegisterDescriptor> reg =
                        context.registerService(RegisterDescriptor.class, parsed.descriptor(), props);
                published.add(new Published(parsed.descriptor().id(), reg));
                LOG.info("Register {} ({}) deployed from {}", parsed.descriptor().id(), parsed.descriptor().nameVi(), who);
            } catch (DescriptorException e) {
                LOG.error("Register descriptor refused, register not deployed: {}", e.getMessage());
            } catch (Exception e) {
                LOG.error("Register from {} not deployed: {}", source, e.getMessage(), e);
            }
        }
        return published;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<Published> published) {
        // descriptors are read when the bundle starts; an update restarts the bundle
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<Published> published) {
        for (Published p : published) {
            try {
                p.registration().unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
            engine.undeploy(p.registerId());
            LOG.info("Register {} left service with {} (its data is kept)", p.registerId(), bundle.getSymbolicName());
        }
    }

    static List<URL> entries(Bundle bundle, String path) {
        Enumeration<URL> e = bundle.findEntries(path, "*.yaml", false);
        if (e == null) {
            return List.of();
        }
        List<URL> urls = Collections.list(e);
        urls.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        return urls;
    }
}
