package org.xaso.api.record;

/**
 * Order of search results.
 *
 * @param field      a field name, or createdAt / updatedAt
 * @param descending true for descending order
 */
public record Sort(String field, boolean descending) {
}
