package org.xaso.api.register;

import java.util.List;
import java.util.Optional;

/** The registers deployed now. Registers come and go with their bundles. */
public interface RegisterRegistry {

    /** Deployed registers, ordered by domain then catalogue number. */
    List<RegisterDescriptor> list();

    Optional<RegisterDescriptor> find(String registerId);
}
