package org.xaso.units.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.UnitKind;

/** An administrative unit over one period of validity. */
@Entity
@Table(name = "XASO_UNIT")
public class UnitEntity {

    @Id
    @Column(name = "UNIT_KEY", length = 40)
    private String key;

    @Column(name = "CODE", length = 8, nullable = false)
    private String code;

    @Column(name = "NAME", length = 120, nullable = false)
    private String name;

    @Column(name = "KIND", length = 20, nullable = false)
    private String kind;

    @Column(name = "PARENT_CODE", length = 8)
    private String parentCode;

    @Column(name = "VALID_FROM")
    private LocalDate validFrom;

    @Column(name = "VALID_TO")
    private LocalDate validTo;

    @Column(name = "LEGAL_BASIS", length = 300)
    private String legalBasis;

    @Column(name = "CODE_CONFIRMED", nullable = false)
    private boolean codeConfirmed;

    @Column(name = "SOURCE", length = 300)
    private String source;

    public UnitEntity() {
    }

    static UnitEntity of(AdminUnit u) {
        UnitEntity e = new UnitEntity();
        e.key = u.key();
        e.copy(u);
        return e;
    }

    void copy(AdminUnit u) {
        code = u.code();
        name = u.name();
        kind = u.kind().id();
        parentCode = u.parentCode();
        validFrom = u.validFrom();
        validTo = u.validTo();
        legalBasis = u.legalBasis();
        codeConfirmed = u.codeConfirmed();
        source = u.source();
    }

    AdminUnit toUnit() {
        return new AdminUnit(code, name, UnitKind.fromId(kind), parentCode, validFrom, validTo, legalBasis,
                codeConfirmed, source);
    }

    public String getKey() {
        return key;
    }
}
