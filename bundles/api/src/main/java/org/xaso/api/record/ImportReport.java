package org.xaso.api.record;

import java.util.List;

/**
 * What an import did.
 *
 * @param fileName  the file's name
 * @param sha256    the file's SHA-256, hex
 * @param rows      data rows read (header excluded)
 * @param created   records created
 * @param updated   records changed (matched by natural key)
 * @param unchanged rows identical to the stored record (a re-import)
 * @param rejected  rows refused
 * @param committed whether anything was written
 * @param errors    why each refused row was refused; row 1 is the header, so data starts at row 2
 */
public record ImportReport(String fileName, String sha256, int rows, int created, int updated, int unchanged,
                           int rejected, boolean committed, List<RowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /**
     * One refused cell or row.
     *
     * @param row       the row number as a spreadsheet shows it (header = 1), 0 for the file as a whole
     * @param field     the field or column, or empty for the whole row
     * @param code      machine code of the reason
     * @param messageVi the reason in Vietnamese
     * @param messageEn the reason in English
     */
    public record RowError(int row, String field, String code, String messageVi, String messageEn) {
    }
}
