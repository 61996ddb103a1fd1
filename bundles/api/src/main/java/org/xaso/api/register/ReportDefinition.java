package org.xaso.api.register;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statistics report a register ships: what its superiors ask for (households per hamlet and kind of farming;
 * areas per crop and season; amounts per budget item and month).
 *
 * @param id       stable id within the register, e.g. {@code by-hamlet}
 * @param nameVi   Vietnamese title
 * @param nameEn   English title
 * @param groupBy  dimensions, as in the statistics query ({@code hamlet}, {@code date:month})
 * @param measures measures, as in the statistics query ({@code sum:area})
 * @param filters  fixed filters, in the search-parameter syntax ({@code status: dang-hoat-dong})
 */
public record ReportDefinition(String id, String nameVi, String nameEn, List<String> groupBy, List<String> measures,
                               Map<String, String> filters) {
    public ReportDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameVi, "nameVi");
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
        filters = Map.copyOf(filters);
    }
}
