package org.xaso.api.unit;

import java.util.Objects;

/**
 * A hamlet (ấp), residential quarter (khu phố) or residential group (tổ dân phố) of a commune. There is no national
 * code for hamlets: each commune keeps its own list.
 *
 * @param communeCode the commune
 * @param code        the commune's own code for it, unique in the commune
 * @param name        the name officers write, e.g. "Ấp Bình Tây"
 * @param active      false once merged or renamed (kept for old records)
 * @param source      who created it: "official", "demo", an officer's account...
 */
public record Hamlet(String communeCode, String code, String name, boolean active, String source) {
    public Hamlet {
        Objects.requireNonNull(communeCode, "communeCode");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
