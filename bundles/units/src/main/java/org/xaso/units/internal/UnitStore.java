package org.xaso.units.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.Hamlet;
import org.xaso.api.unit.UnitSuccession;

/** Units, successions and hamlets in the database, through JPA. Plain JPA: runs with any provider. */
final class UnitStore {

    private final EntityManagerFactory emf;

    UnitStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    private <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction t = em.getTransaction();
        try {
            t.begin();
            T out = work.apply(em);
            t.commit();
            return out;
        } catch (RuntimeException e) {
            if (t.isActive()) {
                t.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Brings the stored units and successions up to those shipped; stored rows not shipped are kept. */
    int syncShipped(List<AdminUnit> units, List<UnitSuccession> successions) {
        return tx(em -> {
            int changed = 0;
            for (AdminUnit u : units) {
                UnitEntity e = em.find(UnitEntity.class, u.key());
                if (e == null) {
                    em.persist(UnitEntity.of(u));
                    changed++;
                } else if (!e.toUnit().equals(u)) {
                    e.copy(u);
                    changed++;
                }
            }
            for (UnitSuccession s : successions) {
                SuccessionEntity n = SuccessionEntity.of(s);
                SuccessionEntity e = em.find(SuccessionEntity.class, n.getKey());
                if (e == null) {
                    em.persist(n);
                    changed++;
                } else if (!e.toSuccession().equals(s)) {
                    e.copy(s);
                    changed++;
                }
            }
            return changed;
        });
    }

    UnitCatalog catalog() {
        return tx(em -> {
            List<AdminUnit> units = new ArrayList<>();
            em.createQuery("SELECT u FROM UnitEntity u", UnitEntity.class).getResultList().forEach(u -> units.add(u.toUnit()));
            List<UnitSuccession> successions = new ArrayList<>();
            em.createQuery("SELECT s FROM SuccessionEntity s", SuccessionEntity.class).getResultList()
                    .forEach(s -> successions.add(s.toSuccession()));
            return new UnitCatalog(units, successions);
        });
    }

    List<Hamlet> hamlets(String commune) {
        return tx(em -> {
            List<Hamlet> out = new ArrayList<>();
            em.createQuery("SELECT h FROM HamletEntity h WHERE h.communeCode = :c ORDER BY h.active DESC, h.code",
                    HamletEntity.class).setParameter("c", commune).getResultList().forEach(h -> out.add(h.toHamlet()));
            return out;
        });
    }

    Hamlet save(Hamlet h, String by, java.time.Instant at) {
        return tx(em -> {
            HamletEntity e = em.find(HamletEntity.class, HamletEntity.key(h.communeCode(), h.code()));
            if (e == null) {
                e = HamletEntity.of(h);
                e.copy(h, by, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                em.persist(e);
            } else {
                e.copy(h, by, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            }
            return e.toHamlet();
        });
    }
}
