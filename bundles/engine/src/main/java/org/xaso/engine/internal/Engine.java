package org.xaso.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.AccessDeniedException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.UnavailableException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.error.XasoException;
import org.xaso.api.record.Filter;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.record.UsageStatistics;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.record.StatsResult;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeListService;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.ReportDefinition;
import org.xaso.api.register.RegisterAggregator;
import org.xaso.api.register.RegisterHook;
import org.xaso.api.register.RegisterRegistry;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.Hamlet;
import org.xaso.engine.internal.codes.CodeLists;
import org.xaso.engine.internal.descriptor.DescriptorReader;
import org.xaso.engine.internal.query.QueryParser;
import org.xaso.engine.internal.schema.Columns;
import org.xaso.engine.internal.schema.Dialect;
import org.xaso.engine.internal.schema.RegisterTable;
import org.xaso.engine.internal.schema.SchemaManager;
import org.xaso.engine.internal.store.Deployed;
import org.xaso.engine.internal.store.RecordRepository;
import org.xaso.engine.internal.text.VietnameseText;
import org.xaso.engine.internal.values.FieldCoercer;
import org.xaso.engine.internal.values.Violations;

/**
 * The register engine: deployed registers, and the generic record operations over them. Plain Java: it needs a
 * {@link DataSource}, the administrative units and a source of hooks, and runs the same in unit tests and in Karaf.
 */
public final class Engine implements RecordService, RegisterRegistry, CodeListService, UsageStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** Channels officers and agencies type through; registers read from other authorities refuse them. */
    private static final Set<String> TYPING_CHANNELS = Set.of("rest", "soap");

    private final DataSource dataSource;
    private final AdminUnitService units;
    private final Function<String, List<RegisterHook>> hooks;
    private final Clock clock;
    private final Dialect dialect;
    private final SchemaManager schema;
    private final RecordRepository repository;
    private final FieldCoercer coercer;
    private final QueryParser parser;
    private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();
    private final CodeLists codeLists = new CodeLists();
    private volatile Function<String, RegisterAggregator> aggregators = id -> null;
    /** The channel computed registers are written through. */
    public static final String AGGREGATE_CHANNEL = "aggregate";

    /** Engine settings. */
    public record Settings(int maxPageSize, Set<String> citizenIdExtraPrefixes) {
        public static final Settings DEFAULT = new Settings(1000, Set.of());
    }

    public Engine(DataSource dataSource, AdminUnitService units, Function<String, List<RegisterHook>> hooks,
                  Clock clock, Settings settings) throws SQLException {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.units = Objects.requireNonNull(units);
        this.hooks = hooks;
        this.clock = Clock.tick(clock, java.time.Duration.ofMillis(1));
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.of(c);
            this.schema = new SchemaManager(dialect);
            schema.migrateSystemTables(c);
            codeLists.load(c);
        }
        this.repository = new RecordRepository(dialect);
        this.coercer = new FieldCoercer(clock, settings.citizenIdExtraPrefixes());
        this.parser = new QueryParser(coercer, settings.maxPageSize());
    }

    public Dialect dialect() {
        return dialect;
    }

    public FieldCoercer coercer() {
        return coercer;
    }

    public RecordRepository repository() {
        return repository;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public AdminUnitService units() {
        return units;
    }

    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ deployment

    /**
     * Creates or extends the register's table and makes it available.
     *
     * @throws SQLException or {@link org.xaso.engine.internal.schema.SchemaConflictException} when the table cannot
     *                      follow the descriptor; the register then stays undeployed
     */
    public Deployed deploy(DescriptorReader.Parsed parsed, String bundle, long bundleId) throws SQLException {
        RegisterDescriptor d = parsed.descriptor();
        Deployed existing = deployed.get(d.id());
        if (existing != null && existing.bundleId() != bundleId) {
            throw new IllegalStateException("register " + d.id() + " is already deployed by " + existing.bundle());
        }
        RegisterTable table = new RegisterTable(d, dialect);
        for (String id : codeLists.ship(d.codeLists().values())) {
            LOG.warn("Code list {} shipped by {} differs from the one deployed before: registers now use this one", id, bundle);
        }
        Deployed dep = new Deployed(effective(d), table, bundle, bundleId);
        try (Connection c = dataSource.getConnection()) {
            SchemaManager.Outcome o = schema.ensureRegisterTable(c, table, parsed.sha256(), bundle);
            if (o.needsReindex()) {
                c.setAutoCommit(false);
                try {
                    int n = repository.reindex(c, dep);
                    c.commit();
                    LOG.info("Register {}: descriptor changed; search data of {} stored records recomputed", d.id(), n);
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
        deployed.put(d.id(), dep);
        return dep;
    }

    /** The descriptor with its code lists as changed at run time. */
    private RegisterDescriptor effective(RegisterDescriptor d) {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        d.codeLists().forEach((id, l) -> lists.put(id, codeLists.effective(codeLists.shipped(id).orElse(l))));
        return d.withCodeLists(lists);
    }

    /** Makes code lists known that no deployed register uses yet (the engine's built-in lists). */
    public void shipCodeLists(java.util.Collection<CodeList> lists) {
        for (String id : codeLists.ship(lists)) {
            LOG.warn("Built-in code list {} differs from one deployed before", id);
        }
    }

    // ------------------------------------------------------------------ code lists

    @Override
    public List<CodeList> codeLists() {
        return codeLists.all();
    }

    @Override
    public Optional<CodeList> codeList(String listId) {
        return codeLists.find(listId);
    }

    @Override
    public boolean isLocal(String listId, String code) {
        return codeLists.isLocal(listId, code);
    }

    @Override
    public CodeList addValue(CallerContext ctx, String listId, CodeValue value, String reason) {
        return changeCodes(ctx, listId, value, reason, true);
    }

    @Override
    public CodeList changeValue(CallerContext ctx, String listId, CodeValue value, String reason) {
        return changeCodes(ctx, listId, value, reason, false);
    }

    private synchronized CodeList changeCodes(CallerContext ctx, String listId, CodeValue value, String reason, boolean add) {
        Objects.requireNonNull(ctx, "caller context");
        Instant now = clock.instant();
        CodeValue stored = writing(c -> {
            CodeValue v = add ? codeLists.add(c, ctx, listId, value, reason, now)
                    : codeLists.change(c, ctx, listId, value, reason, now);
            repository.audit(c, ctx, add ? "codelist-add" : "codelist-change", null, null, null, null,
                    listId + "/" + v.code() + " = " + v.labelVi() + (v.active() ? "" : " (ngừng dùng)")
                            + (reason == null ? "" : "; " + reason), now);
            return v;
        });
        codeLists.applied(listId, stored);
        for (Deployed d : List.copyOf(deployed.values())) {
            if (d.descriptor().codeLists().containsKey(listId)) {
                deployed.replace(d.id(), d, new Deployed(effective(d.descriptor()), d.table(), d.bundle(), d.bundleId()));
            }
        }
        LOG.info("Code list {}: value {} {} by {}", listId, stored.code(), add ? "added" : "changed", ctx.user());
        return codeLists.find(listId).orElseThrow();
    }

    /** Removes a register from service. Its table and records stay, untouched, for when it comes back. */
    public void undeploy(String registerId) {
        deployed.remove(registerId);
    }

    public Optional<Deployed> deployment(String registerId) {
        return Optional.ofNullable(deployed.get(registerId));
    }

    @Override
    public List<RegisterDescriptor> list() {
        List<RegisterDescriptor> out = new ArrayList<>();
        deployed.values().forEach(d -> out.add(d.descriptor()));
        out.sort(Comparator.comparing((RegisterDescriptor r) -> seedOrder(r.seedCode())).thenComparing(RegisterDescriptor::id));
        return out;
    }

    private static String seedOrder(String seed) {
        if (seed == null) {
            return "~";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : seed.split("\\.")) {
            sb.append(String.format("%04d", part.matches("\\d+") ? Integer.parseInt(part) : 9999)).append('.');
        }
        return sb.toString();
    }

    @Override
    public Optional<RegisterDescriptor> find(String registerId) {
        return deployment(registerId).map(Deployed::descriptor);
    }

    public Deployed require(String registerId) {
        Deployed d = registerId == null ? null : deployed.get(registerId);
        if (d == null) {
            throw new NotFoundException(NotFoundException.What.REGISTER, String.valueOf(registerId),
                    "Sổ '" + registerId + "' không có hoặc chưa được cài đặt trên máy chủ này",
                    "Register '" + registerId + "' is not deployed on this server");
        }
        return d;
    }

    /** Checks register, commune and the caller's rights; the commune must exist today. */
    public Deployed access(CallerContext ctx, String registerId, String commune, boolean write) {
        Objects.requireNonNull(ctx, "caller context");
        Deployed d = require(registerId);
        units.requireCurrentCommune(commune);
        if (!ctx.mayAccessCommune(commune)) {
            throw new AccessDeniedException("Tài khoản " + ctx.user() + " không được làm việc với đơn vị " + commune,
                    "Account " + ctx.user() + " may not act in commune " + commune);
        }
        if (write && d.descriptor().flags().autoAggregate() && !AGGREGATE_CHANNEL.equals(ctx.channel())) {
            throw new AccessDeniedException("Sổ " + d.descriptor().nameVi() + " do máy chủ tự tổng hợp từ dữ liệu khác:"
                    + " không nhập tay hay nhập tệp; yêu cầu tổng hợp lại (aggregate) để cập nhật số liệu",
                    "Register " + registerId + " is computed from other data: ask for an aggregation instead of writing it");
        }
        if (write && !d.descriptor().flags().crud() && TYPING_CHANNELS.contains(ctx.channel())) {
            String src = d.descriptor().flags().externalSource();
            throw new AccessDeniedException("Sổ " + d.descriptor().nameVi() + " được khai thác từ " + src
                    + ": chỉ nhập qua tệp hoặc đồng bộ, không nhập tay",
                    "Register " + registerId + " is read from " + src + ": only imports and sync routes write it");
        }
        return d;
    }

    // ------------------------------------------------------------------ validation

    /**
     * What an operation looks up again and again, read once: the hamlets of communes and the records known to exist
     * (for reference checks). An import of 100,000 rows asks the database once per distinct value, not per row.
     */
    public final class Lookups implements FieldCoercer.Hamlets {
        private final Map<String, List<Hamlet>> cache = new HashMap<>();
        private final java.util.Set<String> live = new java.util.HashSet<>();

        @Override
        public List<Hamlet> of(String communeCode) {
            return cache.computeIfAbsent(communeCode, units::hamlets);
        }

        boolean exists(Connection c, String table, String commune, String id) throws SQLException {
            String key = table + '|' + commune + '|' + id;
            if (live.contains(key)) {
                return true;
            }
            boolean found = repository.exists(c, table, commune, id);
            if (found && live.size() < 200_000) {
                live.add(key);
            }
            return found;
        }
    }

    public Lookups lookups() {
        return new Lookups();
    }

    /**
     * Validates and types a record's field values.
     *
     * @param previous the stored values (update) or null (create)
     * @param typed    receives the typed values
     * @return the violations; empty when the record may be written
     */
    public List<FieldViolation> check(Connection c, CallerContext ctx, Deployed d, String commune, Map<String, ?> raw,
                                      Map<String, Object> previous, Lookups hamlets, Map<String, Object> typed)
            throws SQLException {
        List<FieldViolation> v = new ArrayList<>();
        RegisterDescriptor reg = d.descriptor();
        if (raw == null) {
            raw = Map.of();
        }
        for (String key : raw.keySet()) {
            if (reg.field(key).isEmpty()) {
                v.add(Violations.unknownField(key, reg.id()));
            }
        }
        raw = resolveReferencesByKey(c, reg, commune, raw, v);
        for (FieldDescriptor f : reg.fields()) {
            Object value = coercer.coerce(reg, f, raw.get(f.name()), previous == null ? null : previous.get(f.name()),
                    commune, hamlets, v);
            boolean refusedHere = v.stream().anyMatch(x -> x.field().equals(f.name()));
            if (value == null && f.required() && !refusedHere) {
                v.add(Violations.required(f.name()));
            }
            if (value != null) {
                typed.put(f.name(), value);
            }
        }
        for (FieldDescriptor f : reg.fields()) {
            Object value = typed.get(f.name());
            if (f.type() == FieldType.REFERENCE && value != null) {
                Deployed target = deployed.get(f.refRegister());
                if (target == null) {
                    v.add(Violations.referenceRegisterMissing(f.name(), f.refRegister()));
                } else if (!hamlets.exists(c, target.table().name(), commune, value.toString())) {
                    v.add(Violations.referenceNotFound(f.name(), value, f.refRegister()));
                }
            }
        }
        if (v.isEmpty() && hooks != null) {
            for (RegisterHook h : hooks.apply(reg.id())) {
                List<FieldViolation> hv = h.validate(ctx, commune, java.util.Collections.unmodifiableMap(typed));
                if (hv != null) {
                    v.addAll(hv);
                }
            }
        }
        return v;
    }

    /**
     * A reference may be given by the natural key of the record it points to instead of its id (a household by its
     * head's personal ID number): spreadsheets do not hold UUIDs. Such values are replaced by the id found.
     */
    private Map<String, ?> resolveReferencesByKey(Connection c, RegisterDescriptor reg, String commune, Map<String, ?> raw,
                                                  List<FieldViolation> v) throws SQLException {
        Map<String, Object> out = null;
        for (FieldDescriptor f : reg.fields()) {
            if (f.type() != FieldType.REFERENCE || !(raw.get(f.name()) instanceof String s) || s.isBlank() || isUuid(s)) {
                continue;
            }
            Deployed target = deployed.get(f.refRegister());
            if (target == null || target.descriptor().naturalKey().size() != 1) {
                continue;
            }
            FieldDescriptor keyField = target.descriptor().field(target.descriptor().naturalKey().get(0)).orElseThrow();
            String value = keyField.type() == FieldType.CITIZEN_ID
                    ? org.xaso.engine.internal.values.CitizenIds.normalise(s) : VietnameseText.clean(s);
            Optional<RegisterRecord> found = repository.findByNaturalKey(c, target, commune, VietnameseText.fold(value));
            if (out == null) {
                out = new LinkedHashMap<>(raw);
            }
            if (found.isPresent()) {
                out.put(f.name(), found.get().id().toString());
            } else {
                out.remove(f.name());
                v.add(new FieldViolation(f.name(), "reference-not-found", "Không tìm thấy " + keyField.labelVi() + " '"
                        + s + "' trong sổ " + target.descriptor().nameVi() + " của đơn vị này", "no record with "
                        + keyField.name() + " '" + s + "' in register " + target.id() + " of this commune"));
            }
        }
        return out == null ? raw : out;
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ record operations

    @Override
    public RegisterRecord create(CallerContext ctx, String registerId, String commune, Map<String, ?> data) {
        Deployed d = access(ctx, registerId, commune, true);
        return writing(c -> {
            Map<String, Object> typed = new LinkedHashMap<>();
            List<FieldViolation> v = check(c, ctx, d, commune, data, null, lookups(), typed);
            if (!v.isEmpty()) {
                throw new ValidationException(ValidationException.Location.BODY, v);
            }
            return insert(c, ctx, d, commune, typed);
        });
    }

    /** Writes a validated new record with its audit entry, in the caller's transaction. */
    public RegisterRecord insert(Connection c, CallerContext ctx, Deployed d, String commune, Map<String, Object> typed)
            throws SQLException {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        RegisterRecord r;
        try {
            r = repository.insert(c, d, commune, id, typed, ctx, now, syncedAt(d, ctx, now));
        } catch (SQLException e) {
            throw duplicateKeyOr(e, d);
        }
        repository.audit(c, ctx, "create", d.id(), commune, id, 1L, null, now);
        return r;
    }

    @Override
    public RegisterRecord get(CallerContext ctx, String registerId, String commune, UUID id) {
        Deployed d = access(ctx, registerId, commune, false);
        return inTransaction(c -> repository.find(c, d, commune, id).filter(r -> !r.deleted())
                .orElseThrow(() -> recordNotFound(d, id)));
    }

    @Override
    public RegisterRecord update(CallerContext ctx, String registerId, String commune, UUID id, long expectedVersion,
                                 Map<String, ?> data) {
        Deployed d = access(ctx, registerId, commune, true);
        return writing(c -> {
            RegisterRecord old = repository.find(c, d, commune, id).filter(r -> !r.deleted())
                    .orElseThrow(() -> recordNotFound(d, id));
            if (old.version() != expectedVersion) {
                throw ConflictException.staleVersion(expectedVersion, old.version());
            }
            Map<String, Object> typed = new LinkedHashMap<>();
            List<FieldViolation> v = check(c, ctx, d, commune, data, old.data(), lookups(), typed);
            if (!v.isEmpty()) {
                throw new ValidationException(ValidationException.Location.BODY, v);
            }
            return replace(c, ctx, d, old, typed);
        });
    }

    /**
     * Writes validated new values over a record read in this transaction, keeping its previous version in the
     * history; unchanged values leave the record as it is.
     */
    public RegisterRecord replace(Connection c, CallerContext ctx, Deployed d, RegisterRecord old,
                                  Map<String, Object> typed) throws SQLException {
        List<String> changed = changedFields(d.descriptor(), old.data(), typed);
        if (changed.isEmpty()) {
            Instant synced = syncedAt(d, ctx, clock.instant());
            if (synced != null) {
                repository.touchSynced(c, d, old.id(), synced);
            }
            return old;
        }
        Instant now = clock.instant();
        int n;
        try {
            n = repository.update(c, d, old.communeCode(), old.id(), old.version(), typed, ctx, now, syncedAt(d, ctx, now));
        } catch (SQLException e) {
            throw duplicateKeyOr(e, d);
        }
        if (n == 0) {
            RegisterRecord current = repository.find(c, d, old.communeCode(), old.id()).orElse(null);
            if (current == null || current.deleted()) {
                throw recordNotFound(d, old.id());
            }
            throw ConflictException.staleVersion(old.version(), current.version());
        }
        repository.history(c, old, "update", ctx, now);
        repository.audit(c, ctx, "update", d.id(), old.communeCode(), old.id(), old.version() + 1,
                "changed: " + String.join(", ", changed), now);
        RegisterRecord.Builder b = RegisterRecord.builder().id(old.id()).registerId(d.id())
                .communeCode(old.communeCode()).version(old.version() + 1).created(old.createdAt(), old.createdBy())
                .updated(now, ctx.user()).source(ctx.source()).syncedAt(syncedAt(d, ctx, now) != null ? now : old.syncedAt());
        typed.forEach(b::put);
        return b.build();
    }

    /**
     * Registers read from another authority's database record when their data was last synchronised: any write
     * that is not typed by an officer (an import, a sync route) sets it.
     */
    public Instant syncedAt(Deployed d, CallerContext ctx, Instant now) {
        return d.descriptor().flags().externalSource() != null && !TYPING_CHANNELS.contains(ctx.channel()) ? now : null;
    }

    public static List<String> changedFields(RegisterDescriptor reg, Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        for (FieldDescriptor f : reg.fields()) {
            if (!Objects.equals(before.get(f.name()), after.get(f.name()))) {
                changed.add(f.name());
            }
        }
        return changed;
    }

    @Override
    public RegisterRecord delete(CallerContext ctx, String registerId, String commune, UUID id, Long expectedVersion,
                                 String reason) {
        Deployed d = access(ctx, registerId, commune, true);
        String why = reason == null ? null : VietnameseText.clean(reason);
        if (why == null || why.isEmpty()) {
            throw new ValidationException(ValidationException.Location.QUERY, new FieldViolation("reason", "required",
                    "Phải ghi lý do xóa", "a reason for the deletion is required"));
        }
        if (why.length() > 500) {
            throw new ValidationException(ValidationException.Location.QUERY, Violations.tooLong("reason", 500));
        }
        return writing(c -> {
            RegisterRecord old = repository.find(c, d, commune, id).filter(r -> !r.deleted())
                    .orElseThrow(() -> recordNotFound(d, id));
            if (expectedVersion != null && old.version() != expectedVersion) {
                throw ConflictException.staleVersion(expectedVersion, old.version());
            }
            Instant now = clock.instant();
            if (repository.softDelete(c, d, commune, id, old.version(), why, ctx, now) == 0) {
                throw ConflictException.staleVersion(old.version(), old.version() + 1);
            }
            repository.history(c, old, "delete", ctx, now);
            repository.audit(c, ctx, "delete", d.id(), commune, id, old.version() + 1, why, now);
            RegisterRecord.Builder b = RegisterRecord.builder().id(id).registerId(d.id()).communeCode(commune)
                    .version(old.version() + 1).created(old.createdAt(), old.createdBy()).updated(now, ctx.user())
                    .source(old.source()).deleted(true, now, ctx.user(), why);
            old.data().forEach(b::put);
            return b.build();
        });
    }

    @Override
    public Page<RegisterRecord> search(CallerContext ctx, String registerId, String commune, RecordQuery query) {
        Deployed d = access(ctx, registerId, commune, false);
        RecordQuery q = resolveHamlets(d, commune, query);
        return inTransaction(c -> repository.search(c, d, commune, q));
    }

    @Override
    public StatsResult stats(CallerContext ctx, String registerId, String commune, StatsQuery query) {
        Deployed d = access(ctx, registerId, commune, false);
        List<Filter> filters = resolveHamletFilters(d, commune, query.filters());
        StatsQuery.Builder b = StatsQuery.builder().text(query.text());
        query.groupBy().forEach(b::groupBy);
        query.measures().forEach(b::measure);
        filters.forEach(b::filter);
        StatsQuery q = b.build();
        Lookups hamlets = lookups();
        return inTransaction(c -> repository.stats(c, d, commune, q, (f, code) -> label(d, f, code, commune, hamlets)));
    }

    /** The Vietnamese label of a coded value: the code list label, or the hamlet's name. */
    public String label(Deployed d, FieldDescriptor f, String code, String commune, Lookups hamlets) {
        if (f.type() == FieldType.CODE) {
            return d.descriptor().codeList(f.codeList()).flatMap(l -> l.find(code)).map(CodeValue::labelVi).orElse(null);
        }
        if (f.type() == FieldType.HAMLET) {
            return hamlets.of(commune).stream().filter(h -> h.code().equals(code)).map(Hamlet::name).findFirst().orElse(null);
        }
        return null;
    }

    public RecordQuery resolveHamlets(Deployed d, String commune, RecordQuery q) {
        List<Filter> filters = resolveHamletFilters(d, commune, q.filters());
        if (filters == q.filters()) {
            return q;
        }
        RecordQuery.Builder b = RecordQuery.builder().text(q.text()).limit(q.limit()).offset(q.offset())
                .includeDeleted(q.includeDeleted());
        filters.forEach(b::filter);
        q.sort().forEach(b::sort);
        return b.build();
    }

    /** Hamlet filters may name hamlets by code or by name; names become codes of the commune's hamlets. */
    private List<Filter> resolveHamletFilters(Deployed d, String commune, List<Filter> filters) {
        boolean any = filters.stream().anyMatch(f -> d.descriptor().field(f.field())
                .map(x -> x.type() == FieldType.HAMLET).orElse(false));
        if (!any) {
            return filters;
        }
        List<Hamlet> hs = units.hamlets(commune);
        List<Filter> out = new ArrayList<>();
        for (Filter f : filters) {
            boolean hamlet = d.descriptor().field(f.field()).map(x -> x.type() == FieldType.HAMLET).orElse(false);
            if (!hamlet) {
                out.add(f);
                continue;
            }
            List<Object> codes = new ArrayList<>();
            for (Object v : f.values()) {
                String s = v.toString();
                String folded = VietnameseText.fold(s);
                String code = hs.stream().filter(h -> h.code().equalsIgnoreCase(s) || VietnameseText.fold(h.name()).equals(folded))
                        .map(Hamlet::code).findFirst().orElse(s);
                codes.add(code);
            }
            out.add(new Filter(f.field(), f.op(), codes));
        }
        return out;
    }

    @Override
    public RecordQuery parseQuery(String registerId, Map<String, List<String>> params, Set<String> ignored) {
        return parser.parseQuery(require(registerId).descriptor(), params, ignored);
    }

    @Override
    public StatsQuery parseStats(String registerId, Map<String, List<String>> params, Set<String> ignored) {
        return parser.parseStats(require(registerId).descriptor(), params, ignored);
    }

    @Override
    public StatsQuery reportQuery(String registerId, String reportId, Map<String, List<String>> params, Set<String> ignored) {
        RegisterDescriptor reg = require(registerId).descriptor();
        ReportDefinition report = reg.report(reportId).orElseThrow(() -> new NotFoundException(
                NotFoundException.What.REPORT, reportId,
                "Sổ " + reg.nameVi() + " không có báo cáo '" + reportId + "'",
                "register " + registerId + " has no report '" + reportId + "'"));
        List<FieldViolation> v = new ArrayList<>();
        Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (ignored.contains(e.getKey())) {
                continue;
            }
            String field = e.getKey().replaceFirst("\\.(from|to)$", "");
            if (report.filters().containsKey(e.getKey()) || report.filters().containsKey(field)) {
                v.add(new FieldViolation(e.getKey(), "fixed-by-report", "Báo cáo có sẵn đã cố định điều kiện '"
                        + e.getKey() + "'; dùng thống kê tùy chọn (/stats) để thay đổi",
                        "the report fixes '" + e.getKey() + "'; use /stats for ad-hoc statistics"));
                continue;
            }
            if (e.getKey().equals("groupBy") || e.getKey().equals("measure")) {
                v.add(new FieldViolation(e.getKey(), "fixed-by-report", "Báo cáo có sẵn đã cố định cách nhóm và chỉ"
                        + " tiêu; dùng thống kê tùy chọn (/stats) để thay đổi",
                        "a shipped report fixes its dimensions and measures; use /stats for ad-hoc statistics"));
                continue;
            }
            all.put(e.getKey(), e.getValue());
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.QUERY, v);
        }
        report.filters().forEach((k, val) -> all.merge(k, List.of(val), (a, b) -> {
            List<String> m = new ArrayList<>(b);
            m.addAll(a);
            return m;
        }));
        all.put("groupBy", List.of(String.join(",", report.groupBy())));
        if (!report.measures().isEmpty()) {
            all.put("measure", List.of(String.join(",", report.measures())));
        }
        return parser.parseStats(reg, all, Set.of());
    }

    // ------------------------------------------------------------------ computed registers

    /** Where the aggregators of computed registers come from (the OSGi service registry, in Karaf). */
    public void aggregators(Function<String, RegisterAggregator> source) {
        this.aggregators = Objects.requireNonNull(source);
    }

    @Override
    public RegisterRecord aggregate(CallerContext ctx, String registerId, String commune, Map<String, String> params) {
        Deployed d = require(registerId);
        if (!d.descriptor().flags().autoAggregate()) {
            throw new ConflictException("not-computed", "Sổ " + d.descriptor().nameVi() + " do cán bộ cập nhật, không"
                    + " tự tổng hợp", "register " + registerId + " is kept by officers, not computed", null);
        }
        RegisterAggregator aggregator = aggregators.apply(registerId);
        if (aggregator == null) {
            throw new ConflictException("aggregator-missing", "Chưa cài đặt bộ tổng hợp của sổ " + d.descriptor().nameVi(),
                    "the aggregator of register " + registerId + " is not deployed", null);
        }
        CallerContext writer = ctx.toBuilder().channel(AGGREGATE_CHANNEL).source(AGGREGATE_CHANNEL).build();
        access(writer, registerId, commune, true);
        Map<String, Object> data = aggregator.compute(commune, params, this);
        return writing(c -> {
            Map<String, Object> typed = new LinkedHashMap<>();
            List<FieldViolation> v = check(c, writer, d, commune, data, null, lookups(), typed);
            if (!v.isEmpty()) {
                throw new IllegalStateException("aggregator of " + registerId + " computed an invalid record: " + v);
            }
            String key = RecordRepository.naturalKey(d.table(), typed);
            Optional<RegisterRecord> old = key == null ? Optional.empty()
                    : repository.findByNaturalKey(c, d, commune, key);
            return old.isPresent() ? replace(c, writer, d, old.get(), typed) : insert(c, writer, d, commune, typed);
        });
    }

    @Override
    public Usage usage(String commune, java.time.LocalDate from, java.time.LocalDate until) {
        java.sql.Timestamp start = SchemaManager.utc(from.atStartOfDay(FieldCoercer.VIETNAM).toInstant());
        java.sql.Timestamp end = SchemaManager.utc(until.atStartOfDay(FieldCoercer.VIETNAM).toInstant());
        return inTransaction(c -> {
            int inUse = 0;
            long total = 0;
            long synced = 0;
            long received = 0;
            long online = 0;
            long settled = 0;
            long onTime = 0;
            for (Deployed d : List.copyOf(deployed.values())) {
                long n = count(c, "SELECT COUNT(*) FROM " + d.table().name() + " WHERE " + Columns.COMMUNE + " = ? AND "
                        + Columns.DELETED + " = FALSE", commune);
                total += n;
                inUse += n > 0 ? 1 : 0;
                if (d.descriptor().flags().externalSource() != null) {
                    synced += count(c, "SELECT COUNT(*) FROM " + d.table().name() + " WHERE " + Columns.COMMUNE
                            + " = ? AND " + Columns.SYNCED_AT + " >= ? AND " + Columns.SYNCED_AT + " < ?", commune, start, end);
                }
                if (d.descriptor().flags().onestopLink()) {
                    String rec = d.table().column("dossierReceivedOn").column();
                    String due = d.table().column("dossierDueOn").column();
                    String ret = d.table().column("dossierReturnedOn").column();
                    String channel = d.table().column("dossierChannel").column();
                    java.sql.Date f = java.sql.Date.valueOf(from);
                    java.sql.Date u = java.sql.Date.valueOf(until);
                    String base = "SELECT COUNT(*) FROM " + d.table().name() + " WHERE " + Columns.COMMUNE + " = ? AND "
                            + Columns.DELETED + " = FALSE AND ";
                    received += count(c, base + rec + " >= ? AND " + rec + " < ?", commune, f, u);
                    online += count(c, base + rec + " >= ? AND " + rec + " < ? AND " + channel + " = '2'", commune, f, u);
                    settled += count(c, base + ret + " >= ? AND " + ret + " < ?", commune, f, u);
                    onTime += count(c, base + ret + " >= ? AND " + ret + " < ? AND " + due + " IS NOT NULL AND "
                            + ret + " <= " + due, commune, f, u);
                }
            }
            String audit = " FROM XASO_AUDIT WHERE COMMUNE_CODE = ? AND OCCURRED_AT >= ? AND OCCURRED_AT < ?";
            long created = count(c, "SELECT COUNT(*)" + audit + " AND OPERATION = 'create'", commune, start, end);
            long updated = count(c, "SELECT COUNT(*)" + audit + " AND OPERATION = 'update'", commune, start, end);
            int users = (int) count(c, "SELECT COUNT(DISTINCT ACTOR)" + audit + " AND OPERATION IN ('create', 'update',"
                    + " 'delete', 'import') AND ACTOR NOT LIKE 'system:%' AND CHANNEL IN ('rest', 'soap', 'import',"
                    + " 'shell')", commune, start, end);
            long imported = count(c, "SELECT COALESCE(SUM(ROWS_CREATED + ROWS_UPDATED), 0) FROM XASO_IMPORT_JOURNAL"
                    + " WHERE COMMUNE_CODE = ? AND COMMITTED = TRUE AND FINISHED_AT >= ? AND FINISHED_AT < ?", commune, start, end);
            return new Usage(inUse, total, created, updated, imported, synced, users, received, online, settled, onTime);
        });
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    public NotFoundException recordNotFound(Deployed d, UUID id) {
        return new NotFoundException(NotFoundException.What.RECORD, String.valueOf(id),
                "Không tìm thấy bản ghi " + id + " trong sổ " + d.descriptor().nameVi() + " của đơn vị này",
                "No record " + id + " in register " + d.id() + " of this commune");
    }

    private RuntimeException duplicateKeyOr(SQLException e, Deployed d) {
        if ("23505".equals(e.getSQLState())) {
            List<String> key = d.descriptor().naturalKey();
            List<String> labels = key.stream().map(k -> d.descriptor().field(k).map(FieldDescriptor::labelVi).orElse(k)).toList();
            return new ConflictException("duplicate-natural-key",
                    "Đã có bản ghi cùng " + String.join(", ", labels) + " trong đơn vị này",
                    "A record with the same " + String.join(", ", key) + " already exists in this commune", null);
        }
        return transientFailure(e) ? busy(e) : new SqlFailure(e);
    }

    /** SQL states of a transaction refused for contention, which succeeds when run again. */
    private static final Set<String> TRANSIENT = Set.of("40XL1", "40XL2", "40001", "40P01", "55P03");

    static boolean transientFailure(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null && TRANSIENT.contains(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static UnavailableException busy(SQLException e) {
        return new UnavailableException("Cơ sở dữ liệu đang bận (tranh chấp khóa); không có gì được ghi, hãy thử lại",
                "The database is busy (lock contention); nothing was written: try again", e);
    }

    /**
     * A write of one record or one code value, run again (up to three times) when the database refused it for
     * contention: Derby's identity generator under concurrent inserts, PostgreSQL serialization failures. The work
     * is a whole transaction, so running it again is safe; imports, which read a stream, use {@link #inTransaction}.
     */
    public <T> T writing(TxWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (UnavailableException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s) || !transientFailure(s)) {
                    throw e;
                }
                LOG.info("Write refused for contention ({}), attempt {} of 3", s.getSQLState(), attempt);
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A database error that is not the caller's fault. */
    public static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException e) {
            super(e);
        }
    }

    /** Work in one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T inTransaction(TxWork<T> work) {
        try (Connection c = connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new UnavailableException("Không kết nối được cơ sở dữ liệu", "The database is unreachable", e);
            }
            throw duplicateKeyOrFailure(e);
        }
    }

    private RuntimeException duplicateKeyOrFailure(SQLException e) {
        return transientFailure(e) ? busy(e) : new SqlFailure(e);
    }

    private Connection connection() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new UnavailableException("Không kết nối được cơ sở dữ liệu", "The database is unreachable", e);
        }
    }

    /** True for errors callers caused, which are reported to them as they are. */
    public static boolean callerError(Throwable t) {
        return t instanceof XasoException;
    }
}
