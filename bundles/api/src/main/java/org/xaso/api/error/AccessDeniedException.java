package org.xaso.api.error;

/** The caller may not act on this commune or register. */
public class AccessDeniedException extends XasoException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String messageVi, String messageEn) {
        super(messageVi, messageEn);
    }

    @Override
    public String problemCode() {
        return "access-denied";
    }
}
