package org.xaso.api.register;

import java.util.Objects;

/**
 * One value of a code list.
 *
 * @param code    the stored code (an official code where one exists)
 * @param labelVi the Vietnamese label officers see
 * @param labelEn the English label
 * @param active  false for values kept for old records but no longer offered
 */
public record CodeValue(String code, String labelVi, String labelEn, boolean active) {
    public CodeValue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(labelVi, "labelVi");
        if (labelEn == null) {
            labelEn = labelVi;
        }
    }

    public CodeValue(String code, String labelVi, String labelEn) {
        this(code, labelVi, labelEn, true);
    }
}
