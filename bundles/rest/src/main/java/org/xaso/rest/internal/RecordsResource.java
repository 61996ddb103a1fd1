package org.xaso.rest.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.xaso.api.context.CallerContext;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.record.StatsQuery;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterRegistry;
import org.xaso.api.unit.AdminUnitService;

/**
 * Records of any register of any commune: one generic resource for all of them. Versions travel as ETags: GET returns
 * {@code ETag: "3"}; PUT and DELETE take {@code If-Match: "3"} (or {@code version} in the body / query).
 */
@Path("/communes/{commune}/registers/{register}")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    /** Top-level keys of a record body: data is written; the others are read-only echoes of a GET and ignored. */
    private static final Set<String> BODY_KEYS = Set.of("data", "version", "id", "registerId", "communeCode",
            "audit", "source", "syncedAt", "labels");

    private final RecordService records;
    private final RegisterRegistry registry;
    private final AdminUnitService units;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    RecordsResource(RecordService records, RegisterRegistry registry, AdminUnitService units) {
        this.records = records;
        this.registry = registry;
        this.units = units;
    }

    private CallerContext caller() {
        return Callers.of(headers, request);
    }

    private RegisterDescriptor descriptor(String register) {
        return RegistersResource.require(registry, register);
    }

    private Map<String, Object> view(RegisterRecord r, String register, String commune) {
        return Views.record(r, descriptor(register), units.hamlets(commune));
    }

    @GET
    @Path("/records")
    public Map<String, Object> search(@PathParam("commune") String commune, @PathParam("register") String register) {
        RegisterDescriptor d = descriptor(register);
        RecordQuery q = records.parseQuery(register, uri.getQueryParameters(), Set.of());
        Page<RegisterRecord> page = records.search(caller(), register, commune, q);
        return Views.page(page, d, units.hamlets(commune));
    }

    @POST
    @Path("/records")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("commune") String commune, @PathParam("register") String register,
                           Map<String, Object> body) {
        descriptor(register);
        RegisterRecord r = records.create(caller(), register, commune, data(body));
        URI location = uri.getAbsolutePathBuilder().path(r.id().toString()).build();
        return Response.created(location).tag(etag(r)).entity(view(r, register, commune)).build();
    }

    @GET
    @Path("/records/{id}")
    public Response get(@PathParam("commune") String commune, @PathParam("register") String register,
                        @PathParam("id") String id) {
        descriptor(register);
        RegisterRecord r = records.get(caller(), register, commune, uuid(id));
        return Response.ok(view(r, register, commune)).tag(etag(r)).build();
    }

    @PUT
    @Path("/records/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("commune") String commune, @PathParam("register") String register,
                           @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> body) {
        descriptor(register);
        Long version = version(ifMatch, body == null ? null : body.get("version"));
        if (version == null) {
            throw Problems.badBody("version", "version-required", "Phải gửi phiên bản đang sửa (If-Match hoặc version)",
                    "send the version being changed, as If-Match or as version in the body");
        }
        RegisterRecord r = records.update(caller(), register, commune, uuid(id), version, data(body));
        return Response.ok(view(r, register, commune)).tag(etag(r)).build();
    }

    @DELETE
    @Path("/records/{id}")
    public Response delete(@PathParam("commune") String commune, @PathParam("register") String register,
                           @PathParam("id") String id, @QueryParam("reason") String reason,
                           @QueryParam("version") String version, @HeaderParam("If-Match") String ifMatch) {
        descriptor(register);
        RegisterRecord r = records.delete(caller(), register, commune, uuid(id), version(ifMatch, version), reason);
        return Response.ok(view(r, register, commune)).build();
    }

    @GET
    @Path("/stats")
    public Map<String, Object> stats(@PathParam("commune") String commune, @PathParam("register") String register) {
        descriptor(register);
        StatsQuery q = records.parseStats(register, uri.getQueryParameters(), Set.of());
        return Views.stats(register, commune, records.stats(caller(), register, commune, q));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> body) {
        if (body == null) {
            throw Problems.badBody("data", "required", "Thiếu nội dung JSON {\"data\": {...}}",
                    "a JSON body {\"data\": {...}} is required");
        }
        for (String k : body.keySet()) {
            if (!BODY_KEYS.contains(k)) {
                throw Problems.badBody(k, "unknown-key", "Khóa '" + k + "' không hợp lệ; giá trị các trường đặt trong \"data\"",
                        "unknown key '" + k + "'; field values go inside \"data\"");
            }
        }
        Object data = body.get("data");
        if (!(data instanceof Map)) {
            throw Problems.badBody("data", "required", "\"data\" phải là đối tượng JSON chứa các trường",
                    "\"data\" must be a JSON object holding the field values");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) data).entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map || v instanceof List) {
                throw Problems.badBody(e.getKey(), "not-a-value", "Giá trị phải là chữ, số, ngày hoặc đúng/sai",
                        "a field value is a string, number or boolean, not an object or list");
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("id", "invalid-id", "Mã bản ghi phải là UUID", "a record id is a UUID");
        }
    }

    private static EntityTag etag(RegisterRecord r) {
        return new EntityTag(Long.toString(r.version()));
    }

    /** The version named by If-Match ("3", W/"3") or by a version value; null when neither is given. */
    static Long version(String ifMatch, Object version) {
        String raw = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            raw = ifMatch.strip();
            if (raw.startsWith("W/")) {
                raw = raw.substring(2);
            }
            raw = raw.replace("\"", "");
        } else if (version != null) {
            raw = version.toString();
        }
        if (raw == null) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Problems.badRequest("version", "invalid-version", "Phiên bản phải là số nguyên dương",
                    "the version is a positive whole number");
        }
    }
}
