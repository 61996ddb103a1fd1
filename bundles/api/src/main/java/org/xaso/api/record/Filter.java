package org.xaso.api.record;

import java.util.List;
import java.util.Objects;

/**
 * One search condition on a field.
 *
 * @param field  the field name (or a system attribute: source)
 * @param op     the comparison
 * @param values typed values (one for ranges and text, one or more for equality)
 */
public record Filter(String field, Op op, List<Object> values) {

    /** Comparisons. */
    public enum Op {
        /** Equal to one of the values. */
        EQ,
        /** Greater than or equal to the value ("from"). */
        GE,
        /** Less than or equal to the value ("to"). */
        LE,
        /** Text contains all the words of the value, ignoring case and diacritics. */
        CONTAINS
    }

    public Filter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a filter needs a value");
        }
    }

    public Object value() {
        return values.get(0);
    }
}
