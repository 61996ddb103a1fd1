package org.xaso.api.record;

import java.io.InputStream;

import org.xaso.api.context.CallerContext;

/**
 * Imports a spreadsheet file into a register through the engine: rows are validated like any other write, headers
 * are matched by field id or Vietnamese label, and rows whose natural key matches a stored record update it instead of
 * creating a duplicate, so importing the same file twice changes nothing.
 */
public interface RecordImporter {

    /**
     * @param fileName used to choose the format (.csv) and recorded as the records' source
     * @param in       the file's bytes; read as a stream, never held whole in memory
     * @throws org.xaso.api.error.NotFoundException    unknown register or commune
     * @throws org.xaso.api.error.ValidationException  a file that cannot be read at all (not CSV, no header...)
     */
    ImportReport importFile(CallerContext ctx, String registerId, String communeCode, String fileName, InputStream in,
                            ImportOptions options);
}
