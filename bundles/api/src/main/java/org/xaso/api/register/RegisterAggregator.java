package org.xaso.api.register;

import java.util.Map;

import org.xaso.api.record.UsageStatistics;

/**
 * Computes the record of a register whose figures are not typed but derived from other data (catalogue flag
 * {@code autoAggregate}). Register bundles publish it as an OSGi service with the property
 * {@value RegisterHook#REGISTER_PROPERTY} naming the register; the engine runs it on request and stores the result
 * under the register's natural key (a second run for the same period replaces the figures).
 */
public interface RegisterAggregator {

    /**
     * @param communeCode the commune
     * @param params      what the caller asked for, e.g. {@code year=2026}, {@code month=11}
     * @param usage       the engine's usage figures
     * @return the record's field values
     * @throws org.xaso.api.error.ValidationException when a parameter is missing or wrong
     */
    Map<String, Object> compute(String communeCode, Map<String, String> params, UsageStatistics usage);
}
