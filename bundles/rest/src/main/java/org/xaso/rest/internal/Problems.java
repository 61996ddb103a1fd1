package org.xaso.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.xaso.api.error.FieldViolation;

/** RFC 7807 problem documents: {@code application/problem+json}. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:xaso:problem:";

    private Problems() {
    }

    /** True when the caller asked for English (Accept-Language en...); Vietnamese otherwise. */
    static boolean english(List<Locale> accepted) {
        return accepted != null && !accepted.isEmpty() && "en".equals(accepted.get(0).getLanguage());
    }

    static Map<String, Object> body(int status, String code, String titleVi, String titleEn, String detailVi,
                                    String detailEn, boolean english, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPE_BASE + code);
        p.put("title", english ? titleEn : titleVi);
        p.put("status", status);
        p.put("detail", english ? detailEn : detailVi);
        if (instance != null) {
            p.put("instance", instance);
        }
        p.put("code", code);
        p.put("detailVi", detailVi);
        p.put("detailEn", detailEn);
        return p;
    }

    static List<Map<String, Object>> errors(List<FieldViolation> violations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FieldViolation v : violations) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("field", v.field());
            e.put("code", v.code());
            e.put("message", v.messageVi());
            e.put("messageEn", v.messageEn());
            out.add(e);
        }
        return out;
    }

    static Response response(int status, Map<String, Object> body) {
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    /** A 400 naming one request element and why. */
    static org.xaso.api.error.ValidationException badRequest(String field, String code, String vi, String en) {
        return new org.xaso.api.error.ValidationException(org.xaso.api.error.ValidationException.Location.QUERY,
                new FieldViolation(field, code, vi, en));
    }

    /** A 422 naming one body element and why. */
    static org.xaso.api.error.ValidationException badBody(String field, String code, String vi, String en) {
        return new org.xaso.api.error.ValidationException(org.xaso.api.error.ValidationException.Location.BODY,
                new FieldViolation(field, code, vi, en));
    }
}
