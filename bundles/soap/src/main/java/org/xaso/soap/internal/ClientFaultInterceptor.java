package org.xaso.soap.internal;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * Marks faults the caller caused (invalid input, unknown register or commune, stale version...) as
 * {@code soap:Client}, so that agencies can tell their mistakes from the server's failures ({@code soap:Server}).
 */
final class ClientFaultInterceptor extends AbstractSoapInterceptor {

    ClientFaultInterceptor() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception e = message.getContent(Exception.class);
        if (e instanceof Fault fault && fault.getCause() instanceof RegisterFault rf && rf.getFaultInfo() != null
                && rf.getFaultInfo().status < 500) {
            fault.setFaultCode(message.getVersion().getSender());
        }
    }
}
