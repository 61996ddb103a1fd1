package org.xaso.engine.internal.values;

import org.xaso.api.error.FieldViolation;

/** The engine's field violations, worded once, in Vietnamese for officers and in English for integrators. */
public final class Violations {

    private Violations() {
    }

    public static FieldViolation required(String f) {
        return new FieldViolation(f, "required", "Bắt buộc nhập", "is required");
    }

    public static FieldViolation unknownField(String f, String register) {
        return new FieldViolation(f, "unknown-field", "Sổ " + register + " không có trường này",
                "register " + register + " has no such field");
    }

    public static FieldViolation tooLong(String f, int max) {
        return new FieldViolation(f, "too-long", "Dài quá " + max + " ký tự", "is longer than " + max + " characters");
    }

    public static FieldViolation notText(String f) {
        return new FieldViolation(f, "not-text", "Phải là chuỗi ký tự", "must be text");
    }

    public static FieldViolation patternMismatch(String f) {
        return new FieldViolation(f, "pattern-mismatch", "Không đúng định dạng quy định", "does not have the required form");
    }

    public static FieldViolation notANumber(String f) {
        return new FieldViolation(f, "not-a-number", "Phải là số (ví dụ 1234,5)", "must be a number (e.g. 1234.5)");
    }

    public static FieldViolation notAWholeNumber(String f) {
        return new FieldViolation(f, "not-a-whole-number", "Phải là số nguyên (ví dụ 1.500.000)",
                "must be a whole number (e.g. 1500000)");
    }

    public static FieldViolation ambiguousNumber(String f, String value) {
        return new FieldViolation(f, "ambiguous-number", "'" + value + "' có thể hiểu hai cách (nghìn hoặc số thập phân);"
                + " hãy ghi không có dấu phân cách hàng nghìn, dùng dấu phẩy cho phần thập phân (ví dụ 12000 hoặc 12,5)",
                "'" + value + "' is ambiguous (thousands or decimals); write it without thousands separators, e.g. 12000 or 12.5");
    }

    public static FieldViolation belowMin(String f, Object min) {
        return new FieldViolation(f, "below-minimum", "Không được nhỏ hơn " + min, "must be at least " + min);
    }

    public static FieldViolation aboveMax(String f, Object max) {
        return new FieldViolation(f, "above-maximum", "Không được lớn hơn " + max, "must be at most " + max);
    }

    public static FieldViolation tooManyDecimals(String f, int scale) {
        return new FieldViolation(f, "too-many-decimals", "Tối đa " + scale + " chữ số sau dấu thập phân",
                "has more than " + scale + " decimal places");
    }

    public static FieldViolation notADate(String f) {
        return new FieldViolation(f, "not-a-date", "Ngày không hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)",
                "is not a valid date (yyyy-MM-dd or dd/MM/yyyy)");
    }

    public static FieldViolation notADateTime(String f) {
        return new FieldViolation(f, "not-a-date-time", "Thời điểm không hợp lệ (yyyy-MM-ddTHH:mm hoặc dd/MM/yyyy HH:mm)",
                "is not a valid date-time (ISO 8601, e.g. 2026-03-15T08:30:00+07:00)");
    }

    public static FieldViolation inFuture(String f) {
        return new FieldViolation(f, "in-future", "Không được sau ngày hôm nay", "cannot be later than today");
    }

    public static FieldViolation notABoolean(String f) {
        return new FieldViolation(f, "not-a-boolean", "Phải là Có hoặc Không", "must be true or false");
    }

    public static FieldViolation unknownCode(String f, Object value, String listName) {
        return new FieldViolation(f, "unknown-code", "'" + value + "' không có trong danh mục " + listName,
                "'" + value + "' is not in the code list " + listName);
    }

    public static FieldViolation inactiveCode(String f, Object value, String listName) {
        return new FieldViolation(f, "inactive-code", "'" + value + "' đã ngừng sử dụng trong danh mục " + listName,
                "'" + value + "' is no longer used in the code list " + listName);
    }

    public static FieldViolation unknownHamlet(String f, Object value, String commune) {
        return new FieldViolation(f, "unknown-hamlet", "'" + value + "' không phải ấp/khu phố của " + commune,
                "'" + value + "' is not a hamlet of " + commune);
    }

    public static FieldViolation invalidPhone(String f) {
        return new FieldViolation(f, "invalid-phone",
                "Số điện thoại không hợp lệ (di động 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định 11 số bắt đầu bằng 02)",
                "is not a Vietnamese phone number (mobile: 10 digits starting 03/05/07/08/09; landline: 11 digits starting 02)");
    }

    public static FieldViolation invalidEmail(String f) {
        return new FieldViolation(f, "invalid-email", "Địa chỉ thư điện tử không hợp lệ", "is not an e-mail address");
    }

    public static FieldViolation notAReference(String f) {
        return new FieldViolation(f, "invalid-reference", "Phải là mã bản ghi (UUID)", "must be a record id (UUID)");
    }

    public static FieldViolation referenceNotFound(String f, Object id, String register) {
        return new FieldViolation(f, "reference-not-found",
                "Không tìm thấy bản ghi " + id + " trong sổ " + register + " của đơn vị này",
                "no record " + id + " in register " + register + " of this commune");
    }

    public static FieldViolation referenceRegisterMissing(String f, String register) {
        return new FieldViolation(f, "reference-register-missing",
                "Sổ " + register + " chưa được cài đặt nên chưa kiểm tra được liên kết",
                "register " + register + " is not deployed, so the link cannot be checked");
    }
}
