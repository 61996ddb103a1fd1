package org.xaso.api.record;

import java.util.ArrayList;
import java.util.List;

/** A multi-criteria search: filters, free text, order and paging. Immutable. */
public final class RecordQuery {

    public static final int DEFAULT_LIMIT = 50;

    private final List<Filter> filters;
    private final String text;
    private final List<Sort> sort;
    private final int limit;
    private final int offset;
    private final boolean includeDeleted;

    private RecordQuery(Builder b) {
        this.filters = List.copyOf(b.filters);
        this.text = b.text == null || b.text.isBlank() ? null : b.text;
        this.sort = List.copyOf(b.sort);
        this.limit = b.limit;
        this.offset = b.offset;
        this.includeDeleted = b.includeDeleted;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RecordQuery all() {
        return builder().build();
    }

    public List<Filter> filters() {
        return filters;
    }

    /** Words to find in any text field, ignoring case and diacritics ("nguyen van an" finds "Nguyễn Văn An"), or null. */
    public String text() {
        return text;
    }

    public List<Sort> sort() {
        return sort;
    }

    public int limit() {
        return limit;
    }

    public int offset() {
        return offset;
    }

    /** Also return soft-deleted records. */
    public boolean includeDeleted() {
        return includeDeleted;
    }

    public static final class Builder {
        private final List<Filter> filters = new ArrayList<>();
        private String text;
        private final List<Sort> sort = new ArrayList<>();
        private int limit = DEFAULT_LIMIT;
        private int offset;
        private boolean includeDeleted;

        private Builder() {
        }

        public Builder filter(Filter f) {
            this.filters.add(f);
            return this;
        }

        public Builder eq(String field, Object value) {
            return filter(new Filter(field, Filter.Op.EQ, List.of(value)));
        }

        public Builder text(String v) {
            this.text = v;
            return this;
        }

        public Builder sort(Sort s) {
            this.sort.add(s);
            return this;
        }

        public Builder limit(int v) {
            this.limit = v;
            return this;
        }

        public Builder offset(int v) {
            this.offset = v;
            return this;
        }

        public Builder includeDeleted(boolean v) {
            this.includeDeleted = v;
            return this;
        }

        public RecordQuery build() {
            return new RecordQuery(this);
        }
    }
}
