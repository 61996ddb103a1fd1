package org.xaso.api.record;

import java.time.LocalDate;

/**
 * How a commune used the server over a period, counted by the engine from what it records anyway: the registers and
 * their records, the audit trail, the import journal, synchronisation times and the one-stop dossier fields.
 */
public interface UsageStatistics {

    /**
     * Figures of one commune over one period.
     *
     * @param registersInUse   deployed registers holding at least one record of the commune (at the end of the period)
     * @param recordsTotal     records held (not deleted) at the time of asking
     * @param recordsCreated   records created in the period by officers, agencies and routes (imports apart)
     * @param recordsUpdated   record corrections in the period
     * @param recordsImported  records created or changed by spreadsheet imports in the period
     * @param recordsSynced    records of national-database registers synchronised in the period
     * @param activeUsers      distinct accounts (not system accounts) that wrote in the period
     * @param dossiersReceived one-stop dossiers received in the period
     * @param dossiersOnline   of those, filed online
     * @param dossiersSettled  dossiers whose result was returned in the period
     * @param dossiersOnTime   of those, returned on or before the due date
     */
    record Usage(int registersInUse, long recordsTotal, long recordsCreated, long recordsUpdated, long recordsImported,
                 long recordsSynced, int activeUsers, long dossiersReceived, long dossiersOnline, long dossiersSettled,
                 long dossiersOnTime) {
    }

    /**
     * @param from  first day of the period
     * @param until first day after the period
     */
    Usage usage(String communeCode, LocalDate from, LocalDate until);
}
