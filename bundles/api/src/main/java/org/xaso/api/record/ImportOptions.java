package org.xaso.api.record;

/**
 * How to import a file.
 *
 * @param mode what to do when some rows are invalid
 */
public record ImportOptions(Mode mode) {

    /** Import modes. */
    public enum Mode {
        /** Any invalid row rejects the whole file; nothing is written. */
        ALL_OR_NOTHING,
        /** Valid rows are written; invalid rows are reported. */
        VALID_ROWS_ONLY
    }

    public static ImportOptions allOrNothing() {
        return new ImportOptions(Mode.ALL_OR_NOTHING);
    }

    public static ImportOptions validRowsOnly() {
        return new ImportOptions(Mode.VALID_ROWS_ONLY);
    }
}
