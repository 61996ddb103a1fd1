package org.xaso.api.register;

/**
 * What the catalogue (Appendix IV of the seed plan) asks of a register beside search and statistics.
 *
 * @param crud           officers add, edit and delete records
 * @param onestopLink    records link to dossiers of the one-stop system
 * @param excelImport    records are imported from spreadsheets
 * @param externalSource the national or sector database records are read from, or null when officers type them
 * @param autoAggregate  figures are computed from other data, not typed
 * @param criteriaSet    the register manages its own criteria set
 */
public record RegisterFlags(boolean crud, boolean onestopLink, boolean excelImport, String externalSource,
                            boolean autoAggregate, boolean criteriaSet) {

    public static final RegisterFlags DEFAULT = new RegisterFlags(true, false, false, null, false, false);

    /** True when only imports and sync routes write the register. */
    public boolean readOnlyForOfficers() {
        return !crud;
    }
}
