package org.xaso.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

/**
 * Refuses bodies larger than the configured limit (spreadsheet uploads have their own, larger limit) with 413 (by Content-Length, or while reading when the length is
 * not announced), and echoes the request id so that callers can quote it.
 */
@Provider
public class LimitsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final long maxBody;
    private final long maxUpload;

    LimitsFilter(long maxBody, long maxUpload) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    public void filter(ContainerRequestContext req) {
        long maxBody = req.getUriInfo().getPath().endsWith("/imports") ? maxUpload : this.maxBody;
        if (req.getLength() > maxBody) {
            throw new WebApplicationException(Response.status(413).build());
        }
        if (req.hasEntity()) {
            req.setEntityStream(new Limited(req.getEntityStream(), maxBody));
        }
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        String id = req.getHeaderString(Callers.REQUEST_ID);
        if (id != null && id.length() <= 64) {
            res.getHeaders().putSingle(Callers.REQUEST_ID, id);
        }
        res.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        private void count(long n) {
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new WebApplicationException(Response.status(413).build());
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }
    }
}
