package org.xaso.api.error;

/**
 * Base of the errors the engine reports to callers. {@link #getMessage()} is English; {@link #messageVi()} Vietnamese.
 */
public abstract class XasoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageVi;

    protected XasoException(String messageVi, String messageEn) {
        super(messageEn);
        this.messageVi = messageVi;
    }

    protected XasoException(String messageVi, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.messageVi = messageVi;
    }

    /** The message in Vietnamese. */
    public String messageVi() {
        return messageVi;
    }

    /** A stable short code naming the kind of problem, e.g. {@code validation-failed}. */
    public abstract String problemCode();
}
