package org.xaso.api.error;

/** A service the call needs is not running now (database down, units not loaded yet). Retry later. */
public class UnavailableException extends XasoException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String messageVi, String messageEn, Throwable cause) {
        super(messageVi, messageEn, cause);
    }

    @Override
    public String problemCode() {
        return "unavailable";
    }
}
