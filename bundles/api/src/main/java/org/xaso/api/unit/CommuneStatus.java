package org.xaso.api.unit;

import java.util.List;

/**
 * What a commune code means today.
 *
 * @param code       the code asked about
 * @param current    the unit holding the code today, or null
 * @param history    every unit that has held the code, oldest first
 * @param successors for a code no unit holds today: the units that took over the last holder
 */
public record CommuneStatus(String code, AdminUnit current, List<AdminUnit> history, List<AdminUnit> successors) {

    public boolean exists() {
        return current != null;
    }

    public boolean known() {
        return !history.isEmpty();
    }
}
