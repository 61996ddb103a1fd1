package org.xaso.api.record;

import java.util.List;

/**
 * A page of results and the total number that matched.
 *
 * @param items  the results on this page
 * @param total  how many matched in all
 * @param limit  the page size asked for
 * @param offset how many were skipped
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }
}
