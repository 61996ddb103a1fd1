package org.xaso.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.xaso.api.error.NotFoundException;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeListService;
import org.xaso.api.register.CodeValue;

/**
 * Code lists as managed data: read them, add values, relabel or retire values. Changes apply at once to every
 * register using the list and are audited.
 */
@Path("/codelists")
@Produces(MediaType.APPLICATION_JSON)
public class CodeListsResource {

    private static final Set<String> ADD_KEYS = Set.of("code", "labelVi", "labelEn", "active", "reason");

    private final CodeListService codes;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    CodeListsResource(CodeListService codes) {
        this.codes = codes;
    }

    @GET
    public Map<String, Object> list() {
        List<CodeList> all = codes.codeLists();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", all.size());
        m.put("items", all.stream().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", l.id());
            x.put("nameVi", l.nameVi());
            x.put("nameEn", l.nameEn());
            x.put("valueCount", l.values().size());
            return x;
        }).toList());
        return m;
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return Views.codeList(require(id), codes::isLocal);
    }

    /** Adds a value: {@code {"code": "...", "labelVi": "...", "labelEn": "...", "reason": "..."}}. */
    @POST
    @Path("/{id}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") String id, Map<String, Object> body) {
        Map<String, Object> b = body(body);
        CodeValue v = new CodeValue(text(b, "code", true), text(b, "labelVi", true), text(b, "labelEn", false),
                bool(b, "active", true));
        CodeList l = codes.addValue(Callers.of(headers, request), id, v, text(b, "reason", false));
        return Response.status(201).entity(Views.codeList(l, codes::isLocal)).build();
    }

    /** Relabels, retires ({@code "active": false}) or restores a value; labels not sent stay as they are. */
    @PUT
    @Path("/{id}/values/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> change(@PathParam("id") String id, @PathParam("code") String code,
                                      Map<String, Object> body) {
        Map<String, Object> b = body(body);
        if (b.containsKey("code") && !code.equals(String.valueOf(b.get("code")))) {
            throw Problems.badBody("code", "code-immutable", "Không đổi được mã vì các bản ghi đang dùng mã này; thêm mã mới"
                    + " và ngừng dùng mã cũ", "a code cannot change (records use it): add a new one and retire the old");
        }
        CodeList list = require(id);
        CodeValue old = list.find(code).orElseThrow(() -> new NotFoundException(NotFoundException.What.CODE_LIST,
                id + "/" + code, "Danh mục " + list.nameVi() + " không có mã '" + code + "'",
                "list " + id + " has no code '" + code + "'"));
        String vi = text(b, "labelVi", false);
        String en = text(b, "labelEn", false);
        CodeValue v = new CodeValue(code, vi == null ? old.labelVi() : vi, en == null ? old.labelEn() : en,
                bool(b, "active", old.active()));
        return Views.codeList(codes.changeValue(Callers.of(headers, request), id, v, text(b, "reason", false)),
                codes::isLocal);
    }

    private CodeList require(String id) {
        return codes.codeList(id).orElseThrow(() -> new NotFoundException(NotFoundException.What.CODE_LIST, id,
                "Không có danh mục '" + id + "'", "no code list '" + id + "'"));
    }

    private static Map<String, Object> body(Map<String, Object> body) {
        if (body == null) {
            throw Problems.badBody("", "required", "Thiếu nội dung JSON", "a JSON body is required");
        }
        for (String k : body.keySet()) {
            if (!ADD_KEYS.contains(k)) {
                throw Problems.badBody(k, "unknown-key", "Khóa '" + k + "' không hợp lệ (code, labelVi, labelEn,"
                        + " active, reason)", "unknown key '" + k + "'");
            }
        }
        return body;
    }

    private static String text(Map<String, Object> b, String key, boolean required) {
        Object v = b.get(key);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw Problems.badBody(key, "required", "Thiếu '" + key + "'", "'" + key + "' is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw Problems.badBody(key, "not-text", "'" + key + "' phải là chuỗi", "'" + key + "' must be a string");
        }
        return s;
    }

    private static boolean bool(Map<String, Object> b, String key, boolean dflt) {
        Object v = b.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean x)) {
            throw Problems.badBody(key, "not-a-boolean", "'" + key + "' là true hoặc false", "'" + key + "' is true or false");
        }
        return x;
    }
}
