package org.xaso.api.register;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A register of the commune state-management database, as data: id, names, domain, fields, natural key and the code
 * lists its fields use. Contributed by register bundles; served by one generic engine.
 */
public final class RegisterDescriptor {

    private final String id;
    private final String nameVi;
    private final String nameEn;
    private final String domain;
    private final String domainVi;
    private final String groupVi;
    private final String seedCode;
    private final String descriptionVi;
    private final RegisterFlags flags;
    private final List<FieldDescriptor> fields;
    private final Map<String, FieldDescriptor> byName;
    private final List<String> naturalKey;
    private final List<String> titleFields;
    private final Map<String, CodeList> codeLists;
    private final List<ReportDefinition> reports;

    private RegisterDescriptor(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.nameVi = Objects.requireNonNull(b.nameVi, "nameVi");
        this.nameEn = Objects.requireNonNull(b.nameEn, "nameEn");
        this.domain = Objects.requireNonNull(b.domain, "domain");
        this.domainVi = b.domainVi;
        this.groupVi = b.groupVi;
        this.seedCode = b.seedCode;
        this.descriptionVi = b.descriptionVi;
        this.flags = b.flags == null ? RegisterFlags.DEFAULT : b.flags;
        this.fields = List.copyOf(b.fields);
        Map<String, FieldDescriptor> m = new LinkedHashMap<>();
        for (FieldDescriptor f : fields) {
            if (m.put(f.name(), f) != null) {
                throw new IllegalArgumentException("register " + id + ": field '" + f.name() + "' is declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
        this.naturalKey = List.copyOf(b.naturalKey);
        this.titleFields = List.copyOf(b.titleFields);
        this.codeLists = Collections.unmodifiableMap(new LinkedHashMap<>(b.codeLists));
        this.reports = List.copyOf(b.reports);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The catalogue id, e.g. {@code farming-household}. */
    public String id() {
        return id;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Domain id of the catalogue: agriculture, commerce, land-environment, urban, investment, finance, culture-society, internal-affairs. */
    public String domain() {
        return domain;
    }

    public String domainVi() {
        return domainVi;
    }

    public String groupVi() {
        return groupVi;
    }

    /** Numbering in Appendix IV of the seed plan, e.g. {@code 1.5.1}. */
    public String seedCode() {
        return seedCode;
    }

    public String descriptionVi() {
        return descriptionVi;
    }

    public RegisterFlags flags() {
        return flags;
    }

    public List<FieldDescriptor> fields() {
        return fields;
    }

    public Optional<FieldDescriptor> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Fields whose values together identify a record within a commune (used for idempotent import); may be empty. */
    public List<String> naturalKey() {
        return naturalKey;
    }

    /** Fields that name a record to a person (e.g. a household's head name); never empty when the register has text fields. */
    public List<String> titleFields() {
        return titleFields;
    }

    /** Code lists used by this register's fields, by id. */
    public Map<String, CodeList> codeLists() {
        return codeLists;
    }

    public Optional<CodeList> codeList(String codeListId) {
        return Optional.ofNullable(codeLists.get(codeListId));
    }

    /** The statistics reports the register ships. */
    public List<ReportDefinition> reports() {
        return reports;
    }

    public Optional<ReportDefinition> report(String reportId) {
        return reports.stream().filter(r -> r.id().equals(reportId)).findFirst();
    }

    /** A copy with other code lists (the same ids, values as managed at run time). */
    public RegisterDescriptor withCodeLists(Map<String, CodeList> lists) {
        Builder b = toBuilder();
        b.codeLists.clear();
        b.codeLists.putAll(lists);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(id).names(nameVi, nameEn).domain(domain, domainVi).groupVi(groupVi).seedCode(seedCode)
                .descriptionVi(descriptionVi).flags(flags).naturalKey(naturalKey).titleFields(titleFields);
        fields.forEach(b::field);
        codeLists.values().forEach(b::codeList);
        reports.forEach(b::report);
        return b;
    }

    @Override
    public String toString() {
        return "Register[" + id + "]";
    }

    public static final class Builder {
        private final String id;
        private String nameVi;
        private String nameEn;
        private String domain;
        private String domainVi;
        private String groupVi;
        private String seedCode;
        private String descriptionVi;
        private RegisterFlags flags;
        private final List<FieldDescriptor> fields = new ArrayList<>();
        private final List<String> naturalKey = new ArrayList<>();
        private final List<String> titleFields = new ArrayList<>();
        private final Map<String, CodeList> codeLists = new LinkedHashMap<>();
        private final List<ReportDefinition> reports = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder names(String vi, String en) {
            this.nameVi = vi;
            this.nameEn = en;
            return this;
        }

        public Builder domain(String domain, String domainVi) {
            this.domain = domain;
            this.domainVi = domainVi;
            return this;
        }

        public Builder groupVi(String v) {
            this.groupVi = v;
            return this;
        }

        public Builder seedCode(String v) {
            this.seedCode = v;
            return this;
        }

        public Builder descriptionVi(String v) {
            this.descriptionVi = v;
            return this;
        }

        public Builder flags(RegisterFlags v) {
            this.flags = v;
            return this;
        }

        public Builder field(FieldDescriptor f) {
            this.fields.add(f);
            return this;
        }

        public Builder naturalKey(List<String> names) {
            this.naturalKey.clear();
            this.naturalKey.addAll(names);
            return this;
        }

        public Builder titleFields(List<String> names) {
            this.titleFields.clear();
            this.titleFields.addAll(names);
            return this;
        }

        public Builder codeList(CodeList list) {
            this.codeLists.put(list.id(), list);
            return this;
        }

        public Builder report(ReportDefinition r) {
            this.reports.add(r);
            return this;
        }

        public RegisterDescriptor build() {
            return new RegisterDescriptor(this);
        }
    }
}
