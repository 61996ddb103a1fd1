package org.xaso.api.register;

/** The kinds of value a register field holds. The JSON/YAML name is the camel-case form, e.g. {@code citizenId}. */
public enum FieldType {
    /** One line of text. */
    TEXT("text"),
    /** Several lines of text (notes, descriptions, minutes). */
    LONG_TEXT("longText"),
    /** A whole number. */
    INTEGER("integer"),
    /** A decimal number (scale set per field). */
    DECIMAL("decimal"),
    /** An amount in Vietnamese đồng: whole numbers, no minor unit. */
    MONEY("money"),
    /** A surface (unit per field, m² by default). */
    AREA("area"),
    /** A calendar date. */
    DATE("date"),
    /** A moment (stored in UTC, shown in Asia/Ho_Chi_Minh). */
    DATE_TIME("dateTime"),
    /** Yes or no. */
    BOOLEAN("boolean"),
    /** One value of a managed code list, stored as its code. */
    CODE("code"),
    /** The 12-digit personal identification number (số định danh cá nhân / CCCD). */
    CITIZEN_ID("citizenId"),
    /** A Vietnamese phone number, stored as 0xxxxxxxxx. */
    PHONE("phone"),
    /** An e-mail address. */
    EMAIL("email"),
    /** A hamlet or residential group (ấp, khu phố, tổ dân phố) of the record's commune, stored as its code. */
    HAMLET("hamlet"),
    /** The id of a record of another register of the same commune. */
    REFERENCE("reference");

    private final String jsonName;

    FieldType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Types whose values are free text and take part in diacritic-insensitive text search. */
    public boolean isFreeText() {
        return this == TEXT || this == LONG_TEXT;
    }

    /** Types that can be summed or averaged. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY || this == AREA;
    }

    /** Types that can be filtered by a from/to range. */
    public boolean isOrdered() {
        return isNumeric() || this == DATE || this == DATE_TIME;
    }

    /** Types stored as a string code that must be one of a known set. */
    public boolean isCoded() {
        return this == CODE || this == HAMLET;
    }

    public static FieldType fromJsonName(String name) {
        for (FieldType t : values()) {
            if (t.jsonName.equals(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name + "'");
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
