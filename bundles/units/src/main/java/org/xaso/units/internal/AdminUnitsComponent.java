package org.xaso.units.internal;

import java.time.Clock;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.xaso.api.unit.AdminUnitService;

/** Publishes the units service on the "xaso" DataSource (see etc/org.ops4j.datasource-xaso.cfg). */
@Component(service = AdminUnitService.class, immediate = true, configurationPid = "org.xaso.units")
public class AdminUnitsComponent extends AdminUnits {

    private final EntityManagerFactory emf;

    @Activate
    public AdminUnitsComponent(@Reference(target = "(osgi.jndi.service.name=xaso)") DataSource dataSource) {
        this(UnitsPersistence.create(dataSource));
    }

    private AdminUnitsComponent(EntityManagerFactory emf) {
        super(new UnitStore(emf), Clock.systemUTC());
        this.emf = emf;
    }

    @Deactivate
    void deactivate() {
        emf.close();
    }
}
