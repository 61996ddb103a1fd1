package org.xaso.engine.internal.osgi;

import java.io.InputStream;
import java.net.URL;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordImporter;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.record.StatsResult;
import org.xaso.api.record.RecordExporter;
import org.xaso.api.record.SheetFormat;
import org.xaso.api.record.UsageStatistics;
import org.xaso.api.register.RegisterAggregator;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeListService;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterHook;
import org.xaso.api.register.RegisterRegistry;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.descriptor.DescriptorReader;
import org.xaso.engine.internal.export.RecordExporterImpl;
import org.xaso.engine.internal.importer.RecordImporterImpl;

/**
 * The engine as OSGi services: {@link RecordService}, {@link RegisterRegistry}, {@link RecordImporter},
 * {@link RecordExporter} and {@link CodeListService}, on the
 * DataSource named in the configuration, with register bundles deployed by the extender and hooks taken from the
 * service registry.
 */
@Component(service = {RecordService.class, RegisterRegistry.class, RecordImporter.class, RecordExporter.class,
        CodeListService.class, UsageStatistics.class}, immediate = true,
        configurationPid = "org.xaso.engine")
@Designate(ocd = EngineComponent.Config.class)
public class EngineComponent implements RecordService, RegisterRegistry, RecordImporter, RecordExporter,
        CodeListService, UsageStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);

    @ObjectClassDefinition(name = "Xã Số register engine", description = "Bộ máy sổ dữ liệu chung cho mọi sổ"
            + " / The generic engine behind every register.")
    public @interface Config {
        @AttributeDefinition(name = "DataSource filter", description = "Which DataSource the engine uses (LDAP filter)")
        String dataSource_target() default "(osgi.jndi.service.name=xaso)";

        @AttributeDefinition(name = "Largest page", description = "Most records one search returns (limit parameter)")
        int maxPageSize() default 1000;

        @AttributeDefinition(name = "Extra personal-ID prefixes", description = "3-digit prefixes accepted in"
                + " personal identification numbers beside the 63 province codes (country codes of births abroad)")
        String[] citizenIdExtraPrefixes() default {};
    }

    @Reference(target = "(osgi.jndi.service.name=xaso)")
    private DataSource dataSource;

    @Reference
    private AdminUnitService units;

    private final Map<String, List<RegisterHook>> hooks = new ConcurrentHashMap<>();
    private final Map<String, RegisterAggregator> aggregators = new ConcurrentHashMap<>();

    private Engine engine;
    private RecordImporterImpl importer;
    private RecordExporterImpl exporter;
    private BundleTracker<List<RegisterExtender.Published>> tracker;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + RegisterHook.REGISTER_PROPERTY + "=*)")
    void addHook(RegisterHook hook, Map<String, Object> props) {
        String id = String.valueOf(props.get(RegisterHook.REGISTER_PROPERTY));
        hooks.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(hook);
    }

    void removeHook(RegisterHook hook, Map<String, Object> props) {
        String id = String.valueOf(props.get(RegisterHook.REGISTER_PROPERTY));
        List<RegisterHook> l = hooks.get(id);
        if (l != null) {
            l.remove(hook);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + RegisterHook.REGISTER_PROPERTY + "=*)")
    void addAggregator(RegisterAggregator aggregator, Map<String, Object> props) {
        aggregators.put(String.valueOf(props.get(RegisterHook.REGISTER_PROPERTY)), aggregator);
    }

    void removeAggregator(RegisterAggregator aggregator, Map<String, Object> props) {
        aggregators.remove(String.valueOf(props.get(RegisterHook.REGISTER_PROPERTY)), aggregator);
    }

    @Activate
    void activate(BundleContext context, Config config) throws SQLException {
        engine = new Engine(dataSource, units, id -> hooks.getOrDefault(id, List.of()), Clock.systemUTC(),
                new Engine.Settings(config.maxPageSize(), split(config.citizenIdExtraPrefixes())));
        engine.aggregators(aggregators::get);
        importer = new RecordImporterImpl(engine);
        exporter = new RecordExporterImpl(engine);
        Map<String, CodeList> builtIn = builtInCodeLists(context.getBundle());
        engine.shipCodeLists(builtIn.values());
        tracker = new BundleTracker<>(context, Bundle.ACTIVE | Bundle.STARTING,
                new RegisterExtender(engine, context, builtIn));
        tracker.open();
        LOG.info("Xã Số register engine started on {} with {} registers", engine.dialect(), engine.list().size());
    }

    /** Configuration files give lists as one comma-separated value. */
    static Set<String> split(String[] values) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        engine = null;
    }

    private static Map<String, CodeList> builtInCodeLists(Bundle self) {
        Map<String, CodeList> out = new HashMap<>();
        DescriptorReader reader = new DescriptorReader();
        for (URL url : RegisterExtender.entries(self, "xaso/codelists")) {
            try (InputStream in = url.openStream()) {
                CodeList l = reader.readCodeList("built-in " + url.getPath(), in);
                out.put(l.id(), l);
            } catch (Exception e) {
                LOG.error("Built-in code list refused: {}", e.getMessage());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- delegation

    @Override
    public RegisterRecord create(CallerContext ctx, String registerId, String communeCode, Map<String, ?> data) {
        return engine.create(ctx, registerId, communeCode, data);
    }

    @Override
    public RegisterRecord get(CallerContext ctx, String registerId, String communeCode, UUID id) {
        return engine.get(ctx, registerId, communeCode, id);
    }

    @Override
    public RegisterRecord update(CallerContext ctx, String registerId, String communeCode, UUID id,
                                 long expectedVersion, Map<String, ?> data) {
        return engine.update(ctx, registerId, communeCode, id, expectedVersion, data);
    }

    @Override
    public RegisterRecord delete(CallerContext ctx, String registerId, String communeCode, UUID id,
                                 Long expectedVersion, String reason) {
        return engine.delete(ctx, registerId, communeCode, id, expectedVersion, reason);
    }

    @Override
    public Page<RegisterRecord> search(CallerContext ctx, String registerId, String communeCode, RecordQuery query) {
        return engine.search(ctx, registerId, communeCode, query);
    }

    @Override
    public StatsResult stats(CallerContext ctx, String registerId, String communeCode, StatsQuery query) {
        return engine.stats(ctx, registerId, communeCode, query);
    }

    @Override
    public RecordQuery parseQuery(String registerId, Map<String, List<String>> params, Set<String> ignored) {
        return engine.parseQuery(registerId, params, ignored);
    }

    @Override
    public StatsQuery parseStats(String registerId, Map<String, List<String>> params, Set<String> ignored) {
        return engine.parseStats(registerId, params, ignored);
    }

    @Override
    public StatsQuery reportQuery(String registerId, String reportId, Map<String, List<String>> params, Set<String> ignored) {
        return engine.reportQuery(registerId, reportId, params, ignored);
    }

    @Override
    public Sheet records(CallerContext ctx, String registerId, String communeCode, RecordQuery query, SheetFormat format) {
        return exporter.records(ctx, registerId, communeCode, query, format);
    }

    @Override
    public Sheet stats(CallerContext ctx, String registerId, String communeCode, StatsQuery query, String titleVi,
                       SheetFormat format) {
        return exporter.stats(ctx, registerId, communeCode, query, titleVi, format);
    }

    @Override
    public Sheet template(String registerId, SheetFormat format) {
        return exporter.template(registerId, format);
    }

    @Override
    public RegisterRecord aggregate(CallerContext ctx, String registerId, String communeCode, Map<String, String> params) {
        return engine.aggregate(ctx, registerId, communeCode, params);
    }

    @Override
    public Usage usage(String communeCode, java.time.LocalDate from, java.time.LocalDate until) {
        return engine.usage(communeCode, from, until);
    }

    @Override
    public List<CodeList> codeLists() {
        return engine.codeLists();
    }

    @Override
    public java.util.Optional<CodeList> codeList(String listId) {
        return engine.codeList(listId);
    }

    @Override
    public boolean isLocal(String listId, String code) {
        return engine.isLocal(listId, code);
    }

    @Override
    public CodeList addValue(CallerContext ctx, String listId, CodeValue value, String reason) {
        return engine.addValue(ctx, listId, value, reason);
    }

    @Override
    public CodeList changeValue(CallerContext ctx, String listId, CodeValue value, String reason) {
        return engine.changeValue(ctx, listId, value, reason);
    }

    @Override
    public List<RegisterDescriptor> list() {
        return engine.list();
    }

    @Override
    public java.util.Optional<RegisterDescriptor> find(String registerId) {
        return engine.find(registerId);
    }

    @Override
    public ImportReport importFile(CallerContext ctx, String registerId, String communeCode, String fileName,
                                   InputStream in, ImportOptions options) {
        return importer.importFile(ctx, registerId, communeCode, fileName, in, options);
    }

    /** For tests of the component wiring. */
    List<String> deployedIds() {
        List<String> ids = new ArrayList<>();
        engine.list().forEach(d -> ids.add(d.id()));
        return ids;
    }
}
