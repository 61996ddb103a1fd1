package org.xaso.api.unit;

/** Levels of Vietnamese administrative units. The district level exists only in history since 1 July 2025. */
public enum UnitLevel {
    PROVINCE("cấp tỉnh"),
    DISTRICT("cấp huyện"),
    COMMUNE("cấp xã");

    private final String labelVi;

    UnitLevel(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
