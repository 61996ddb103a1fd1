package org.xaso.api.error;

/** Something named by the caller does not exist (or is not deployed now). */
public class NotFoundException extends XasoException {
    private static final long serialVersionUID = 1L;

    /** What was not found. */
    public enum What {
        REGISTER("sổ/cơ sở dữ liệu", "register"),
        COMMUNE("đơn vị hành chính", "administrative unit"),
        RECORD("bản ghi", "record"),
        HAMLET("ấp/khu phố", "hamlet"),
        CODE_LIST("danh mục", "code list"),
        REPORT("báo cáo thống kê", "report");

        private final String vi;
        private final String en;

        What(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        public String vi() {
            return vi;
        }

        public String en() {
            return en;
        }
    }

    private final What what;
    private final String key;

    public NotFoundException(What what, String key) {
        super("Không tìm thấy " + what.vi() + " '" + key + "'", "No " + what.en() + " '" + key + "'");
        this.what = what;
        this.key = key;
    }

    public NotFoundException(What what, String key, String messageVi, String messageEn) {
        super(messageVi, messageEn);
        this.what = what;
        this.key = key;
    }

    public What what() {
        return what;
    }

    public String key() {
        return key;
    }

    @Override
    public String problemCode() {
        return what.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-not-found";
    }
}
