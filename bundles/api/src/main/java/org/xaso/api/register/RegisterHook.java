package org.xaso.api.register;

import java.util.List;
import java.util.Map;

import org.xaso.api.context.CallerContext;
import org.xaso.api.error.FieldViolation;

/**
 * The small piece of code a register needs only where its rules cannot be said as data: cross-field checks.
 * Register bundles publish hooks as OSGi services with the property {@value #REGISTER_PROPERTY} naming the register id.
 */
public interface RegisterHook {

    /** Service property naming the register a hook serves. */
    String REGISTER_PROPERTY = "xaso.register";

    /**
     * Checks a record about to be written, after each field was validated on its own.
     *
     * @param ctx     the caller
     * @param commune the commune code
     * @param data    the typed field values (absent fields are null)
     * @return violations, empty when the record is acceptable
     */
    List<FieldViolation> validate(CallerContext ctx, String commune, Map<String, Object> data);
}
