package org.xaso.camel.api;

import java.time.Instant;
import java.util.List;

/** The YAML route files of the watched folder and what became of each. */
public interface RouteFiles {

    /** Outcome of the last load of a file. */
    enum Status {
        /** Its routes run. */
        LOADED,
        /** The file was refused whole; see the error. A previous version may still run. */
        REJECTED
    }

    /**
     * One file.
     *
     * @param name     the file name in the folder
     * @param status   the outcome of its last load
     * @param routeIds the routes it runs now
     * @param error    why it was refused, or null
     * @param at       when it was last (re)loaded or refused
     */
    record RouteFile(String name, Status status, List<String> routeIds, String error, Instant at) {
    }

    /** The folder watched, as an absolute path. */
    String directory();

    List<RouteFile> files();
}
