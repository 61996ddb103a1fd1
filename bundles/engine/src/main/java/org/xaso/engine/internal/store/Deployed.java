package org.xaso.engine.internal.store;

import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.schema.RegisterTable;

/**
 * A register deployed now: its descriptor, its table and the bundle that contributed it.
 *
 * @param bundle symbolic name and version of the contributing bundle
 */
public record Deployed(RegisterDescriptor descriptor, RegisterTable table, String bundle, long bundleId) {
    public String id() {
        return descriptor.id();
    }
}
