package org.xaso.api.register;

/**
 * How a field is protected under the Personal Data Protection Law 91/2025/QH15 and Decree 356/2025/NĐ-CP.
 */
public enum PersonalDataClass {
    /** May be published (e.g. a cooperative's name). */
    PUBLIC("public"),
    /** Official but not about a person; for the administration only. */
    INTERNAL("internal"),
    /** Basic personal data: identifies or describes a person (name, ID number, phone, address). */
    PERSONAL("personal"),
    /** Sensitive personal data: health, drug rehabilitation, religion, criminal record, finances of a person... */
    SENSITIVE("sensitive");

    private final String jsonName;

    PersonalDataClass(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean isPersonal() {
        return this == PERSONAL || this == SENSITIVE;
    }

    public static PersonalDataClass fromJsonName(String name) {
        for (PersonalDataClass c : values()) {
            if (c.jsonName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown personal-data class '" + name + "' (public, internal, personal, sensitive)");
    }
}
