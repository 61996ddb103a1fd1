package org.xaso.rest.internal;

import java.util.UUID;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;

import org.xaso.api.context.CallerContext;

/**
 * Who calls over REST. Until accounts come (a later issue) callers are anonymous and the server listens on the
 * loopback address only; the purpose header ({@code X-Xaso-Purpose}) and the request id ({@code X-Request-Id}) go to
 * the audit log.
 */
final class Callers {

    static final String PURPOSE = "X-Xaso-Purpose";
    static final String REQUEST_ID = "X-Request-Id";

    private Callers() {
    }

    static CallerContext of(HttpHeaders headers, HttpServletRequest request) {
        String remote = request == null ? null : request.getRemoteAddr();
        String purpose = headers == null ? null : headers.getHeaderString(PURPOSE);
        String requestId = headers == null ? null : headers.getHeaderString(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            requestId = UUID.randomUUID().toString();
        }
        return CallerContext.builder()
                .user("anonymous@" + (remote == null ? "unknown" : remote))
                .channel("rest")
                .purpose(purpose == null || purpose.isBlank() ? "rest" : purpose.length() > 200 ? purpose.substring(0, 200) : purpose)
                .requestId(requestId)
                .remoteAddress(remote)
                .allCommunes()
                .build();
    }
}
