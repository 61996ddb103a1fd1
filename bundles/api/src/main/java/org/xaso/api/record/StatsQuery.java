package org.xaso.api.record;

import java.util.ArrayList;
import java.util.List;

/** Counts (and sums, averages...) of the records matching filters, per group. Immutable. */
public final class StatsQuery {

    /** How a date field groups. */
    public enum Granularity {
        VALUE, YEAR, MONTH
    }

    /** Aggregate functions of measures. */
    public enum Function {
        SUM, AVG, MIN, MAX
    }

    /**
     * A grouping dimension.
     *
     * @param field       the field
     * @param granularity VALUE for the value itself; YEAR or MONTH for date fields
     */
    public record GroupBy(String field, Granularity granularity) {
        /** Name of the dimension in results: the field, or field:year / field:month. */
        public String key() {
            return granularity == Granularity.VALUE ? field : field + ":" + granularity.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An aggregated measure.
     *
     * @param function the aggregate
     * @param field    a numeric field
     */
    public record Measure(Function function, String field) {
        /** Name of the measure in results, e.g. {@code sum:totalLandArea}. */
        public String key() {
            return function.name().toLowerCase(java.util.Locale.ROOT) + ":" + field;
        }
    }

    private final List<GroupBy> groupBy;
    private final List<Measure> measures;
    private final List<Filter> filters;
    private final String text;

    private StatsQuery(Builder b) {
        this.groupBy = List.copyOf(b.groupBy);
        this.measures = List.copyOf(b.measures);
        this.filters = List.copyOf(b.filters);
        this.text = b.text;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<GroupBy> groupBy() {
        return groupBy;
    }

    public List<Measure> measures() {
        return measures;
    }

    public List<Filter> filters() {
        return filters;
    }

    public String text() {
        return text;
    }

    public static final class Builder {
        private final List<GroupBy> groupBy = new ArrayList<>();
        private final List<Measure> measures = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private String text;

        private Builder() {
        }

        public Builder groupBy(GroupBy g) {
            this.groupBy.add(g);
            return this;
        }

        public Builder groupBy(String field) {
            return groupBy(new GroupBy(field, Granularity.VALUE));
        }

        public Builder measure(Measure m) {
            this.measures.add(m);
            return this;
        }

        public Builder filter(Filter f) {
            this.filters.add(f);
            return this;
        }

        public Builder text(String t) {
            this.text = t;
            return this;
        }

        public StatsQuery build() {
            return new StatsQuery(this);
        }
    }
}
