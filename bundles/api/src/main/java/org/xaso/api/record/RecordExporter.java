package org.xaso.api.record;

import java.io.IOException;
import java.io.OutputStream;

import org.xaso.api.context.CallerContext;

/**
 * Writes registers out as spreadsheets officers can open, print and import again: search results, statistics and
 * empty import templates. Headers are the Vietnamese labels (the importer matches them), coded values are written as
 * their Vietnamese labels, and text that a spreadsheet would run as a formula is escaped.
 * <p>
 * Each method checks everything (register, commune, access, query) before it returns the {@link Sheet}, so that a
 * caller can still answer with an error; writing then streams, whatever the number of rows.
 */
public interface RecordExporter {

    /** A spreadsheet ready to be written. */
    interface Sheet {
        /** A file name without directories, e.g. {@code farming-household-80001-2026-12-03.xlsx}. */
        String fileName();

        SheetFormat format();

        /** Writes the whole file; the stream is not closed. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Every record the query matches (its limit and offset are ignored), in its sort order. The export is audited
     * with the caller's purpose: it may carry personal data.
     */
    Sheet records(CallerContext ctx, String registerId, String communeCode, RecordQuery query, SheetFormat format);

    /** A statistics table with the dimensions' labels, counts, measures and a total row, under a title. */
    Sheet stats(CallerContext ctx, String registerId, String communeCode, StatsQuery query, String titleVi,
                SheetFormat format);

    /**
     * An empty import template: the header row (required columns marked *), and for .xlsx a second sheet explaining
     * each column and listing the accepted codes.
     */
    Sheet template(String registerId, SheetFormat format);
}
