package org.xaso.units.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.xaso.api.unit.Hamlet;

/** A hamlet, quarter or residential group of a commune. */
@Entity
@Table(name = "XASO_HAMLET")
public class HamletEntity {

    @Id
    @Column(name = "HAMLET_KEY", length = 80)
    private String key;

    @Column(name = "COMMUNE_CODE", length = 8, nullable = false)
    private String communeCode;

    @Column(name = "CODE", length = 64, nullable = false)
    private String code;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "SOURCE", length = 128)
    private String source;

    @Column(name = "UPDATED_AT")
    private LocalDateTime updatedAt;

    @Column(name = "UPDATED_BY", length = 128)
    private String updatedBy;

    @Version
    @Column(name = "ROW_VERSION")
    private long version;

    public HamletEntity() {
    }

    static String key(String commune, String code) {
        return commune + ":" + code;
    }

    static HamletEntity of(Hamlet h) {
        HamletEntity e = new HamletEntity();
        e.key = key(h.communeCode(), h.code());
        e.communeCode = h.communeCode();
        e.code = h.code();
        return e;
    }

    void copy(Hamlet h, String by, LocalDateTime at) {
        name = h.name();
        active = h.active();
        source = h.source();
        updatedBy = by;
        updatedAt = at;
    }

    Hamlet toHamlet() {
        return new Hamlet(communeCode, code, name, active, source);
    }
}
