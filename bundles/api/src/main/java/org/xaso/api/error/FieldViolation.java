package org.xaso.api.error;

import java.util.Objects;

/**
 * Why one field (or query parameter, or spreadsheet cell) was refused.
 *
 * @param field     the field or parameter name as the caller wrote it
 * @param code      a stable machine code: required, too-long, not-a-number, invalid-citizen-id, unknown-code...
 * @param messageVi the reason in Vietnamese, for officers
 * @param messageEn the reason in English, for integrators
 */
public record FieldViolation(String field, String code, String messageVi, String messageEn) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
