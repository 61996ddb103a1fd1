package org.xaso.api.record;

import java.util.List;
import java.util.Map;

/**
 * Statistics per group.
 *
 * @param groupBy  dimension keys, in order (see {@link StatsQuery.GroupBy#key()})
 * @param measures measure keys, in order (see {@link StatsQuery.Measure#key()})
 * @param rows     one row per group, ordered by the dimensions
 * @param total    how many records matched in all
 */
public record StatsResult(List<String> groupBy, List<String> measures, List<Row> rows, long total) {

    /**
     * One group.
     *
     * @param keys   the group's value per dimension (null for records without a value)
     * @param labels Vietnamese labels of coded keys (code lists, hamlets), by dimension
     * @param count  records in the group
     * @param values aggregated values by measure key (null where no record had a value)
     */
    public record Row(Map<String, Object> keys, Map<String, String> labels, long count, Map<String, Number> values) {
    }
}
