package org.xaso.units.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.xaso.api.unit.UnitSuccession;

/** A predecessor → successor link between two units. */
@Entity
@Table(name = "XASO_UNIT_SUCCESSION")
public class SuccessionEntity {

    @Id
    @Column(name = "SUCCESSION_KEY", length = 90)
    private String key;

    @Column(name = "PREDECESSOR_KEY", length = 40, nullable = false)
    private String predecessorKey;

    @Column(name = "SUCCESSOR_KEY", length = 40, nullable = false)
    private String successorKey;

    @Column(name = "EFFECTIVE")
    private LocalDate effective;

    @Column(name = "PARTIAL_TRANSFER", nullable = false)
    private boolean partial;

    @Column(name = "LEGAL_BASIS", length = 300)
    private String legalBasis;

    public SuccessionEntity() {
    }

    static SuccessionEntity of(UnitSuccession s) {
        SuccessionEntity e = new SuccessionEntity();
        e.key = s.predecessorKey() + ">" + s.successorKey();
        e.copy(s);
        return e;
    }

    void copy(UnitSuccession s) {
        predecessorKey = s.predecessorKey();
        successorKey = s.successorKey();
        effective = s.effective();
        partial = s.partial();
        legalBasis = s.legalBasis();
    }

    UnitSuccession toSuccession() {
        return new UnitSuccession(predecessorKey, successorKey, effective, partial, legalBasis);
    }

    public String getKey() {
        return key;
    }
}
