package org.xaso.units.internal;

import java.time.Clock;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.xaso.api.unit.AdminUnitService;

/** Publishes the units service once the persistence unit {@code xaso-units} is up. */
@Component(service = AdminUnitService.class, immediate = true)
public class AdminUnitsComponent extends AdminUnits {

    @Activate
    public AdminUnitsComponent(@Reference(target = "(osgi.unit.name=xaso-units)") EntityManagerFactory emf) {
        super(new UnitStore(emf), Clock.systemUTC());
    }
}
