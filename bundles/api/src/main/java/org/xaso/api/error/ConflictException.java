package org.xaso.api.error;

/** The write conflicts with the stored state: a stale version, or a duplicate natural key. Nothing was written. */
public class ConflictException extends XasoException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final Long currentVersion;

    public ConflictException(String code, String messageVi, String messageEn, Long currentVersion) {
        super(messageVi, messageEn);
        this.code = code;
        this.currentVersion = currentVersion;
    }

    public static ConflictException staleVersion(long expected, long current) {
        return new ConflictException("stale-version",
                "Bản ghi đã được người khác sửa (phiên bản hiện tại " + current + ", bạn gửi " + expected
                        + "); hãy tải lại rồi sửa tiếp",
                "The record was changed meanwhile (current version " + current + ", sent " + expected + ")",
                current);
    }

    /** The current version when the conflict is a stale version, else null. */
    public Long currentVersion() {
        return currentVersion;
    }

    @Override
    public String problemCode() {
        return code;
    }
}
