package org.xaso.api.unit;

/** Kinds of administrative unit, with the Vietnamese word used before the unit's name. */
public enum UnitKind {
    TINH("tinh", "Tỉnh", UnitLevel.PROVINCE),
    THANH_PHO_TRUC_THUOC_TRUNG_UONG("thanh-pho-tw", "Thành phố", UnitLevel.PROVINCE),
    HUYEN("huyen", "Huyện", UnitLevel.DISTRICT),
    THI_XA("thi-xa", "Thị xã", UnitLevel.DISTRICT),
    QUAN("quan", "Quận", UnitLevel.DISTRICT),
    THANH_PHO_THUOC_TINH("thanh-pho", "Thành phố", UnitLevel.DISTRICT),
    XA("xa", "Xã", UnitLevel.COMMUNE),
    PHUONG("phuong", "Phường", UnitLevel.COMMUNE),
    THI_TRAN("thi-tran", "Thị trấn", UnitLevel.COMMUNE),
    DAC_KHU("dac-khu", "Đặc khu", UnitLevel.COMMUNE);

    private final String id;
    private final String labelVi;
    private final UnitLevel level;

    UnitKind(String id, String labelVi, UnitLevel level) {
        this.id = id;
        this.labelVi = labelVi;
        this.level = level;
    }

    /** Stable id used in data files and JSON, e.g. {@code phuong}. */
    public String id() {
        return id;
    }

    public String labelVi() {
        return labelVi;
    }

    public UnitLevel level() {
        return level;
    }

    public static UnitKind fromId(String id) {
        for (UnitKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown unit kind '" + id + "'");
    }
}
