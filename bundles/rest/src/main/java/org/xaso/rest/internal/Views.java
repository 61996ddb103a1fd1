package org.xaso.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xaso.api.record.Page;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.StatsResult;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterFlags;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.CommuneStatus;
import org.xaso.api.unit.Hamlet;
import org.xaso.api.unit.UnitSuccession;

/** The JSON shapes of the API: the public contract, built from the plain API types. */
final class Views {

    private Views() {
    }

    static Map<String, Object> registerSummary(RegisterDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("nameVi", d.nameVi());
        m.put("nameEn", d.nameEn());
        m.put("domain", d.domain());
        m.put("domainVi", d.domainVi());
        m.put("groupVi", d.groupVi());
        m.put("seedCode", d.seedCode());
        m.put("flags", flags(d.flags()));
        m.put("fieldCount", d.fields().size());
        return m;
    }

    static Map<String, Object> flags(RegisterFlags f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crud", f.crud());
        m.put("onestopLink", f.onestopLink());
        m.put("excelImport", f.excelImport());
        m.put("externalSource", f.externalSource());
        m.put("autoAggregate", f.autoAggregate());
        m.put("criteriaSet", f.criteriaSet());
        return m;
    }

    static Map<String, Object> descriptor(RegisterDescriptor d) {
        Map<String, Object> m = registerSummary(d);
        m.remove("fieldCount");
        m.put("descriptionVi", d.descriptionVi());
        m.put("naturalKey", d.naturalKey());
        m.put("titleFields", d.titleFields());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDescriptor f : d.fields()) {
            fields.add(field(d, f));
        }
        m.put("fields", fields);
        m.put("reports", d.reports().stream().map(Views::report).toList());
        return m;
    }

    static Map<String, Object> codeList(CodeList l, java.util.function.BiPredicate<String, String> local) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("nameVi", l.nameVi());
        m.put("nameEn", l.nameEn());
        m.put("basis", l.basis());
        List<Map<String, Object>> values = new ArrayList<>();
        for (CodeValue v : l.values()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("code", v.code());
            vm.put("labelVi", v.labelVi());
            vm.put("labelEn", v.labelEn());
            vm.put("active", v.active());
            vm.put("origin", local.test(l.id(), v.code()) ? "local" : "shipped");
            values.add(vm);
        }
        m.put("values", values);
        return m;
    }

    static Map<String, Object> field(RegisterDescriptor d, FieldDescriptor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().jsonName());
        m.put("required", f.required());
        m.put("labelVi", f.labelVi());
        m.put("labelEn", f.labelEn());
        m.put("hintVi", f.hintVi());
        Map<String, Object> c = new LinkedHashMap<>();
        if (f.maxLength() != null) {
            c.put("maxLength", f.maxLength());
        } else if (f.type() == FieldType.TEXT) {
            c.put("maxLength", 255);
        } else if (f.type() == FieldType.LONG_TEXT) {
            c.put("maxLength", 4000);
        }
        if (f.min() != null) {
            c.put("min", f.min());
        }
        if (f.max() != null) {
            c.put("max", f.max());
        }
        if (f.scale() != null) {
            c.put("scale", f.scale());
        }
        if (f.pattern() != null) {
            c.put("pattern", f.pattern());
        }
        if (f.notFuture()) {
            c.put("notFuture", true);
        }
        if (!c.isEmpty()) {
            m.put("constraints", c);
        }
        m.put("unit", f.unit());
        m.put("searchable", f.searchable());
        m.put("dimension", f.dimension());
        m.put("measure", f.measure());
        m.put("personalData", f.personalData().jsonName());
        if (f.type() == FieldType.CODE) {
            m.put("codeList", f.codeList());
            CodeList list = d.codeList(f.codeList()).orElse(null);
            if (list != null) {
                m.put("codeListNameVi", list.nameVi());
                m.put("codeListBasis", list.basis());
                List<Map<String, Object>> values = new ArrayList<>();
                for (CodeValue v : list.values()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("code", v.code());
                    vm.put("labelVi", v.labelVi());
                    vm.put("labelEn", v.labelEn());
                    if (!v.active()) {
                        vm.put("active", false);
                    }
                    values.add(vm);
                }
                m.put("values", values);
            }
        }
        if (f.type() == FieldType.REFERENCE) {
            m.put("ref", f.refRegister());
        }
        return m;
    }

    static Map<String, Object> unit(AdminUnit u, List<UnitSuccession> successions, List<AdminUnit> all) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("kind", u.kind().id());
        m.put("kindVi", u.kind().labelVi());
        m.put("level", u.level().name().toLowerCase(java.util.Locale.ROOT));
        m.put("parentCode", u.parentCode());
        m.put("validFrom", u.validFrom() == null ? null : u.validFrom().toString());
        m.put("validTo", u.validTo() == null ? null : u.validTo().toString());
        m.put("legalBasis", u.legalBasis());
        m.put("codeConfirmed", u.codeConfirmed());
        m.put("source", u.source());
        if (!successions.isEmpty()) {
            List<Map<String, Object>> pred = new ArrayList<>();
            List<Map<String, Object>> succ = new ArrayList<>();
            for (UnitSuccession s : successions) {
                if (s.successorKey().equals(u.key())) {
                    link(all, s.predecessorKey(), s).ifPresent(pred::add);
                }
                if (s.predecessorKey().equals(u.key())) {
                    link(all, s.successorKey(), s).ifPresent(succ::add);
                }
            }
            if (!pred.isEmpty()) {
                m.put("predecessors", pred);
            }
            if (!succ.isEmpty()) {
                m.put("successors", succ);
            }
        }
        return m;
    }

    private static java.util.Optional<Map<String, Object>> link(List<AdminUnit> all, String key, UnitSuccession s) {
        return all.stream().filter(x -> x.key().equals(key)).findFirst().map(x -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("code", x.code());
            l.put("name", x.name());
            l.put("partial", s.partial());
            l.put("effective", s.effective() == null ? null : s.effective().toString());
            l.put("legalBasis", s.legalBasis());
            return l;
        });
    }

    static Map<String, Object> communeStatus(CommuneStatus s, List<UnitSuccession> successions, List<AdminUnit> all) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("exists", s.exists());
        m.put("current", s.current() == null ? null : unit(s.current(), successions, all));
        m.put("history", s.history().stream().map(u -> unit(u, successions, all)).toList());
        m.put("successors", s.successors().stream().map(u -> unit(u, List.of(), all)).toList());
        return m;
    }

    static Map<String, Object> hamlet(Hamlet h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("communeCode", h.communeCode());
        m.put("code", h.code());
        m.put("name", h.name());
        m.put("active", h.active());
        m.put("source", h.source());
        return m;
    }

    /** A record with the Vietnamese labels of its coded values. */
    static Map<String, Object> record(RegisterRecord r, RegisterDescriptor d, List<Hamlet> hamlets) {
        Map<String, Object> m = r.toPlainMap();
        Map<String, Object> labels = new LinkedHashMap<>();
        for (FieldDescriptor f : d.fields()) {
            Object v = r.get(f.name());
            if (v == null) {
                continue;
            }
            if (f.type() == FieldType.CODE) {
                d.codeList(f.codeList()).flatMap(l -> l.find(v.toString())).ifPresent(cv -> labels.put(f.name(), cv.labelVi()));
            } else if (f.type() == FieldType.HAMLET) {
                hamlets.stream().filter(h -> h.code().equals(v)).findFirst().ifPresent(h -> labels.put(f.name(), h.name()));
            }
        }
        if (!labels.isEmpty()) {
            m.put("labels", labels);
        }
        return m;
    }

    static Map<String, Object> page(Page<RegisterRecord> p, RegisterDescriptor d, List<Hamlet> hamlets) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", p.total());
        m.put("limit", p.limit());
        m.put("offset", p.offset());
        m.put("items", p.items().stream().map(r -> record(r, d, hamlets)).toList());
        return m;
    }

    static Map<String, Object> stats(String register, String commune, StatsResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("register", register);
        m.put("commune", commune);
        m.put("groupBy", r.groupBy());
        m.put("measures", r.measures());
        m.put("total", r.total());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatsResult.Row row : r.rows()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("keys", row.keys());
            if (!row.labels().isEmpty()) {
                x.put("labels", row.labels());
            }
            x.put("count", row.count());
            if (!row.values().isEmpty()) {
                x.put("values", row.values());
            }
            rows.add(x);
        }
        m.put("rows", rows);
        return m;
    }

    static Map<String, Object> report(org.xaso.api.register.ReportDefinition r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("nameVi", r.nameVi());
        m.put("nameEn", r.nameEn());
        m.put("groupBy", r.groupBy());
        m.put("measures", r.measures());
        if (!r.filters().isEmpty()) {
            m.put("filters", r.filters());
        }
        return m;
    }

    static Map<String, Object> importReport(org.xaso.api.record.ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fileName", r.fileName());
        m.put("sha256", r.sha256());
        m.put("committed", r.committed());
        m.put("rows", r.rows());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("rejected", r.rejected());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (org.xaso.api.record.ImportReport.RowError e : r.errors()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("row", e.row());
            x.put("field", e.field());
            x.put("code", e.code());
            x.put("message", e.messageVi());
            x.put("messageEn", e.messageEn());
            errors.add(x);
        }
        m.put("errors", errors);
        return m;
    }
}
