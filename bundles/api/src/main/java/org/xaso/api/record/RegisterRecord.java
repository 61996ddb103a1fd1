package org.xaso.api.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One record of a register: its typed field values plus the attributes every record has (id, commune, version for
 * optimistic locking, who created and changed it and when, where it came from, soft deletion).
 * <p>
 * Field values are typed: String (text, codes, hamlets, ids, phones, e-mails, references), Long (integer, money),
 * BigDecimal (decimal, area), LocalDate, Instant (date-time), Boolean. Absent values are not in the map.
 */
public final class RegisterRecord {

    private final UUID id;
    private final String registerId;
    private final String communeCode;
    private final long version;
    private final Map<String, Object> data;
    private final Instant createdAt;
    private final String createdBy;
    private final Instant updatedAt;
    private final String updatedBy;
    private final String source;
    private final Instant syncedAt;
    private final boolean deleted;
    private final Instant deletedAt;
    private final String deletedBy;
    private final String deleteReason;

    private RegisterRecord(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.registerId = Objects.requireNonNull(b.registerId, "registerId");
        this.communeCode = Objects.requireNonNull(b.communeCode, "communeCode");
        this.version = b.version;
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
        this.createdAt = b.createdAt;
        this.createdBy = b.createdBy;
        this.updatedAt = b.updatedAt;
        this.updatedBy = b.updatedBy;
        this.source = b.source;
        this.syncedAt = b.syncedAt;
        this.deleted = b.deleted;
        this.deletedAt = b.deletedAt;
        this.deletedBy = b.deletedBy;
        this.deleteReason = b.deleteReason;
    }

    public static Builder builder() {
        return new Builder();
    }

    public UUID id() {
        return id;
    }

    public String registerId() {
        return registerId;
    }

    public String communeCode() {
        return communeCode;
    }

    /** Starts at 1, grows by one with each update; an update must name the version it changes. */
    public long version() {
        return version;
    }

    public Map<String, Object> data() {
        return data;
    }

    public Object get(String field) {
        return data.get(field);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    /** Where the data came from: rest, soap, import:file.csv, demo, national-population-db... */
    public String source() {
        return source;
    }

    /** For records read from another authority's database: when they were last synchronised, else null. */
    public Instant syncedAt() {
        return syncedAt;
    }

    public boolean deleted() {
        return deleted;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public String deletedBy() {
        return deletedBy;
    }

    public String deleteReason() {
        return deleteReason;
    }

    /**
     * The record as plain values for JSON, routes and reports: {@code id, communeCode, version, data, audit, source}.
     * Dates are ISO strings, moments ISO strings in Vietnam time (+07:00), decimals stay BigDecimal.
     */
    public Map<String, Object> toPlainMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("registerId", registerId);
        m.put("communeCode", communeCode);
        m.put("version", version);
        Map<String, Object> d = new LinkedHashMap<>();
        data.forEach((k, v) -> d.put(k, plain(v)));
        m.put("data", d);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("createdAt", plain(createdAt));
        audit.put("createdBy", createdBy);
        audit.put("updatedAt", plain(updatedAt));
        audit.put("updatedBy", updatedBy);
        m.put("audit", audit);
        m.put("source", source);
        if (syncedAt != null) {
            m.put("syncedAt", plain(syncedAt));
        }
        if (deleted) {
            Map<String, Object> del = new LinkedHashMap<>();
            del.put("deletedAt", plain(deletedAt));
            del.put("deletedBy", deletedBy);
            del.put("reason", deleteReason);
            m.put("deleted", del);
        }
        return m;
    }

    /** A typed value as a plain one: dates and moments become ISO strings (moments in Vietnam time). */
    public static Object plain(Object v) {
        if (v instanceof Instant i) {
            return java.time.OffsetDateTime.ofInstant(i, java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        }
        if (v instanceof java.time.LocalDate d) {
            return d.toString();
        }
        return v;
    }

    @Override
    public String toString() {
        return "RegisterRecord[" + registerId + "/" + communeCode + "/" + id + " v" + version + "]";
    }

    public static final class Builder {
        private UUID id;
        private String registerId;
        private String communeCode;
        private long version;
        private final Map<String, Object> data = new LinkedHashMap<>();
        private Instant createdAt;
        private String createdBy;
        private Instant updatedAt;
        private String updatedBy;
        private String source;
        private Instant syncedAt;
        private boolean deleted;
        private Instant deletedAt;
        private String deletedBy;
        private String deleteReason;

        private Builder() {
        }

        public Builder id(UUID v) {
            this.id = v;
            return this;
        }

        public Builder registerId(String v) {
            this.registerId = v;
            return this;
        }

        public Builder communeCode(String v) {
            this.communeCode = v;
            return this;
        }

        public Builder version(long v) {
            this.version = v;
            return this;
        }

        public Builder put(String field, Object value) {
            if (value != null) {
                this.data.put(field, value);
            }
            return this;
        }

        public Builder created(Instant at, String by) {
            this.createdAt = at;
            this.createdBy = by;
            return this;
        }

        public Builder updated(Instant at, String by) {
            this.updatedAt = at;
            this.updatedBy = by;
            return this;
        }

        public Builder source(String v) {
            this.source = v;
            return this;
        }

        public Builder syncedAt(Instant v) {
            this.syncedAt = v;
            return this;
        }

        public Builder deleted(boolean deleted, Instant at, String by, String reason) {
            this.deleted = deleted;
            this.deletedAt = at;
            this.deletedBy = by;
            this.deleteReason = reason;
            return this;
        }

        public RegisterRecord build() {
            return new RegisterRecord(this);
        }
    }
}
