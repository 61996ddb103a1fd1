package org.xaso.api.record;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.xaso.api.context.CallerContext;

/**
 * The one generic engine behind every register: create, read, update, soft delete, search and statistics.
 * <p>
 * Values in {@code data} maps may be typed (Long, BigDecimal, LocalDate, Boolean...) or strings in the canonical form
 * (ISO dates, plain decimals); codes and hamlets may be given by code or by Vietnamese label. Text is stored in Unicode
 * NFC whatever form it arrives in. Every write is audited and keeps the previous version.
 * <p>
 * Errors: {@link org.xaso.api.error.NotFoundException} (register, commune, record),
 * {@link org.xaso.api.error.CommuneGoneException}, {@link org.xaso.api.error.ValidationException} (nothing written),
 * {@link org.xaso.api.error.ConflictException} (stale version, duplicate natural key),
 * {@link org.xaso.api.error.AccessDeniedException}.
 */
public interface RecordService {

    RegisterRecord create(CallerContext ctx, String registerId, String communeCode, Map<String, ?> data);

    RegisterRecord get(CallerContext ctx, String registerId, String communeCode, UUID id);

    /**
     * Replaces the field values of a record.
     *
     * @param expectedVersion the version the caller read; a different stored version fails with a conflict
     */
    RegisterRecord update(CallerContext ctx, String registerId, String communeCode, UUID id, long expectedVersion,
                          Map<String, ?> data);

    /**
     * Soft-deletes a record: it leaves searches but stays stored with who, when and why.
     *
     * @param expectedVersion the version the caller read, or null to delete whatever the current version is
     * @param reason          why (required)
     */
    RegisterRecord delete(CallerContext ctx, String registerId, String communeCode, UUID id, Long expectedVersion,
                          String reason);

    Page<RegisterRecord> search(CallerContext ctx, String registerId, String communeCode, RecordQuery query);

    StatsResult stats(CallerContext ctx, String registerId, String communeCode, StatsQuery query);

    /**
     * Reads a search from request parameters, the same for REST, SOAP and routes: {@code field=value} (repeat for
     * several values), {@code field.from} / {@code field.to} for ranges, text fields match words ignoring case and
     * diacritics, {@code q} for text over all text fields, {@code sort=field,-other}, {@code limit}, {@code offset}.
     *
     * @param ignored parameter names the caller handles itself (e.g. format); others unknown are refused
     * @throws org.xaso.api.error.ValidationException naming each bad parameter
     */
    RecordQuery parseQuery(String registerId, Map<String, List<String>> params, java.util.Set<String> ignored);

    /**
     * Reads statistics from request parameters: {@code groupBy=f1,f2} (dates as {@code f:year} or {@code f:month}),
     * {@code measure=sum:f3,avg:f4}, plus the filters of {@link #parseQuery}.
     */
    StatsQuery parseStats(String registerId, Map<String, List<String>> params, java.util.Set<String> ignored);

    /**
     * The statistics query of a report the register ships ({@link org.xaso.api.register.RegisterDescriptor#reports()}),
     * narrowed by the caller's filters (e.g. a period: {@code registeredOn.from=2026-01-01}); the caller cannot change
     * the report's dimensions or measures.
     *
     * @throws org.xaso.api.error.NotFoundException   unknown report
     * @throws org.xaso.api.error.ValidationException bad filter
     */
    StatsQuery reportQuery(String registerId, String reportId, Map<String, List<String>> params,
                           java.util.Set<String> ignored);

    /**
     * Computes and stores the record of a register whose figures derive from other data (flag {@code autoAggregate})
     * for the period the parameters name; a record of the same period is replaced.
     *
     * @throws org.xaso.api.error.ConflictException   the register is not computed, or its aggregator is not deployed
     * @throws org.xaso.api.error.ValidationException bad parameters
     */
    RegisterRecord aggregate(CallerContext ctx, String registerId, String communeCode, Map<String, String> params);
}
