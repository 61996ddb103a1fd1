package org.xaso.soap.internal;

import javax.xml.ws.WebFault;

/** The SOAP fault of RegisterService. */
@WebFault(name = "RegisterFault", targetNamespace = RegisterService.NS)
public class RegisterFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final RegisterFaultInfo faultInfo;

    public RegisterFault(String message, RegisterFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public RegisterFaultInfo getFaultInfo() {
        return faultInfo;
    }
}
