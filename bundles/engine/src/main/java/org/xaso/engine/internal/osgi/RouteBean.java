package org.xaso.engine.internal.osgi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.xaso.api.context.CallerContext;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.record.StatsResult;

/**
 * The engine as a bean integrators call by name from their routes ({@code bean:xasoRecords?method=...}). Methods take
 * and return plain values (strings, maps, lists) so that YAML routes and JSON work with them directly. Routes act as
 * the system user {@code camel-route} in every commune; the purpose is recorded in the audit log.
 */
@Component(service = RouteBean.class, property = {"xaso.bean.name=xasoRecords"})
public class RouteBean {

    @Reference
    private RecordService records;

    private static CallerContext context(String purpose) {
        return CallerContext.builder().user("camel-route").channel("camel").purpose(purpose).allCommunes().build();
    }

    /**
     * Searches a register; {@code params} are the REST search parameters (field filters, q, sort, limit, offset).
     *
     * @return the records as plain maps
     */
    public List<Map<String, Object>> search(String register, String commune, Map<String, Object> params) {
        RecordQuery q = records.parseQuery(register, multi(params), Set.of());
        Page<RegisterRecord> page = records.search(context("route search"), register, commune, q);
        List<Map<String, Object>> out = new ArrayList<>();
        page.items().forEach(r -> out.add(r.toPlainMap()));
        return out;
    }

    /** How many live records the register holds for the commune. */
    public long count(String register, String commune) {
        return records.search(context("route count"), register, commune, RecordQuery.builder().limit(0).build()).total();
    }

    /**
     * Statistics as a list of rows: the group keys, their labels, {@code count} and the measures.
     *
     * @param groupBy as in REST, e.g. {@code hamlet,farmingType}
     * @param measure as in REST, e.g. {@code sum:totalLandArea}, or null
     */
    public List<Map<String, Object>> stats(String register, String commune, String groupBy, String measure) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (groupBy != null && !groupBy.isBlank()) {
            params.put("groupBy", groupBy);
        }
        if (measure != null && !measure.isBlank()) {
            params.put("measure", measure);
        }
        StatsQuery q = records.parseStats(register, multi(params), Set.of());
        StatsResult r = records.stats(context("route statistics"), register, commune, q);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatsResult.Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>(row.keys());
            row.labels().forEach((k, v) -> m.put(k + "Label", v));
            m.put("count", row.count());
            m.putAll(row.values());
            rows.add(m);
        }
        return rows;
    }

    /** Creates a record from plain values; returns it as a plain map. */
    public Map<String, Object> create(String register, String commune, Map<String, Object> data) {
        return records.create(context("route create"), register, commune, data).toPlainMap();
    }

    private static Map<String, List<String>> multi(Map<String, Object> params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (v instanceof List<?> l) {
                    List<String> s = new ArrayList<>();
                    l.forEach(x -> s.add(String.valueOf(x)));
                    m.put(k, s);
                } else if (v != null) {
                    m.put(k, List.of(String.valueOf(v)));
                }
            });
        }
        return m;
    }
}
