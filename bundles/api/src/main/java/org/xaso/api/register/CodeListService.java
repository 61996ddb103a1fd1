package org.xaso.api.register;

import java.util.List;
import java.util.Optional;

import org.xaso.api.context.CallerContext;

/**
 * Code lists as managed data. Bundles ship lists (official codes where they exist); a province can add values and
 * relabel or retire values at run time, without a release. Changes are stored in the database, apply at once to
 * every register using the list, survive redeployments of the bundles, and are audited. A value is never deleted:
 * records keep their codes, so a value no longer offered is made inactive.
 */
public interface CodeListService {

    /** Every list in use by a deployed register or built into the engine, with run-time changes applied. */
    List<CodeList> codeLists();

    Optional<CodeList> codeList(String listId);

    /** Whether a value was added at run time rather than shipped with a bundle. */
    boolean isLocal(String listId, String code);

    /**
     * Adds a value.
     *
     * @throws org.xaso.api.error.NotFoundException   unknown list
     * @throws org.xaso.api.error.ValidationException bad code or labels (a label already used by another value is
     *                                                refused: spreadsheets name codes by label)
     * @throws org.xaso.api.error.ConflictException   the code exists already
     */
    CodeList addValue(CallerContext ctx, String listId, CodeValue value, String reason);

    /**
     * Relabels, retires ({@code active=false}) or brings back a value, shipped or added.
     *
     * @throws org.xaso.api.error.NotFoundException unknown list or code
     */
    CodeList changeValue(CallerContext ctx, String listId, CodeValue value, String reason);
}
