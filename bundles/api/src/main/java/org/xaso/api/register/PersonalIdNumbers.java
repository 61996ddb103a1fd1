package org.xaso.api.register;

/**
 * Reading the 12-digit personal identification number (số định danh cá nhân): digit 4 encodes sex and century,
 * digits 5-6 the year of birth. For cross-field checks in register hooks. The engine validates the structure of every
 * {@link FieldType#CITIZEN_ID} value before hooks see it.
 */
public final class PersonalIdNumbers {

    private PersonalIdNumbers() {
    }

    /** The year of birth the number encodes. */
    public static int birthYear(String id) {
        int g = id.charAt(3) - '0';
        return 1900 + 100 * (g / 2) + Integer.parseInt(id.substring(4, 6));
    }

    /** True when the number encodes a woman (odd digit 4). */
    public static boolean female(String id) {
        return (id.charAt(3) - '0') % 2 == 1;
    }
}
