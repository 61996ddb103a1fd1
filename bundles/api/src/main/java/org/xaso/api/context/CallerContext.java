package org.xaso.api.context;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who calls the engine, for which communes, for what purpose and through which channel.
 * <p>
 * Every engine call takes one, so that access control and audit can grow without changing any signature.
 * Instances are immutable.
 */
public final class CallerContext {

    /** Grants access to every commune. */
    public static final String ALL_COMMUNES = "*";

    private final String user;
    private final Set<String> communes;
    private final String purpose;
    private final String channel;
    private final String source;
    private final String requestId;
    private final String remoteAddress;

    private CallerContext(Builder b) {
        this.user = requireText(b.user, "user");
        this.communes = Collections.unmodifiableSet(new LinkedHashSet<>(b.communes));
        this.purpose = b.purpose == null || b.purpose.isBlank() ? "unspecified" : b.purpose;
        this.channel = requireText(b.channel, "channel");
        this.source = b.source == null || b.source.isBlank() ? this.channel : b.source;
        this.requestId = b.requestId == null ? UUID.randomUUID().toString() : b.requestId;
        this.remoteAddress = b.remoteAddress;
    }

    private static String requireText(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    /** A context for the server's own components (demo loader, routes), allowed in every commune. */
    public static CallerContext system(String component, String purpose) {
        return builder().user("system:" + component).channel("system").purpose(purpose).allCommunes().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The account or component acting; recorded in audit and in the record's created/updated by. */
    public String user() {
        return user;
    }

    /** Commune codes the caller may act in; contains {@link #ALL_COMMUNES} for every commune. */
    public Set<String> communes() {
        return communes;
    }

    /** Why the caller acts (personal-data law: every processing names its purpose). */
    public String purpose() {
        return purpose;
    }

    /** rest, soap, camel, shell, import, demo, system... */
    public String channel() {
        return channel;
    }

    /** Where written data comes from; stored on each record written (defaults to the channel). */
    public String source() {
        return source;
    }

    public String requestId() {
        return requestId;
    }

    /** The caller's network address when known, or null. */
    public String remoteAddress() {
        return remoteAddress;
    }

    public boolean mayAccessCommune(String communeCode) {
        return communes.contains(ALL_COMMUNES) || communes.contains(communeCode);
    }

    /** A copy with another source, e.g. for an import naming its file. */
    public CallerContext withSource(String newSource) {
        return toBuilder().source(newSource).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.user = user;
        b.communes.addAll(communes);
        b.purpose = purpose;
        b.channel = channel;
        b.source = source;
        b.requestId = requestId;
        b.remoteAddress = remoteAddress;
        return b;
    }

    @Override
    public String toString() {
        return "CallerContext[user=" + user + ", channel=" + channel + ", purpose=" + purpose
                + ", communes=" + communes + ", requestId=" + requestId + "]";
    }

    public static final class Builder {
        private String user;
        private final Set<String> communes = new LinkedHashSet<>();
        private String purpose;
        private String channel;
        private String source;
        private String requestId;
        private String remoteAddress;

        private Builder() {
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder commune(String code) {
            this.communes.add(Objects.requireNonNull(code));
            return this;
        }

        public Builder communes(Set<String> codes) {
            this.communes.addAll(codes);
            return this;
        }

        public Builder allCommunes() {
            this.communes.add(ALL_COMMUNES);
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder remoteAddress(String remoteAddress) {
            this.remoteAddress = remoteAddress;
            return this;
        }

        public CallerContext build() {
            return new CallerContext(this);
        }
    }
}
