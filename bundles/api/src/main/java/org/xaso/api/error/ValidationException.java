package org.xaso.api.error;

import java.util.List;

/** Input was refused; each violation names the field and the reason. Nothing was written. */
public class ValidationException extends XasoException {
    private static final long serialVersionUID = 1L;

    /** Where the refused input was. */
    public enum Location {
        /** The record sent (REST body, SOAP record, spreadsheet row). */
        BODY,
        /** The query: filters, sort, paging, group-by. */
        QUERY
    }

    private final transient List<FieldViolation> violations;
    private final Location location;

    public ValidationException(Location location, List<FieldViolation> violations) {
        super(summaryVi(violations), summaryEn(violations));
        this.location = location;
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Location location, FieldViolation violation) {
        this(location, List.of(violation));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Location location() {
        return location;
    }

    @Override
    public String problemCode() {
        return location == Location.QUERY ? "invalid-query" : "validation-failed";
    }

    private static String summaryVi(List<FieldViolation> v) {
        if (v.size() == 1) {
            return "Dữ liệu không hợp lệ: " + v.get(0).field() + " — " + v.get(0).messageVi();
        }
        return "Dữ liệu không hợp lệ ở " + v.size() + " trường";
    }

    private static String summaryEn(List<FieldViolation> v) {
        if (v.size() == 1) {
            return "Invalid input: " + v.get(0).field() + " — " + v.get(0).messageEn();
        }
        return "Invalid input in " + v.size() + " fields";
    }
}
