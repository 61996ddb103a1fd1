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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.xaso.api.error.NotFoundException;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.CommuneStatus;
import org.xaso.api.unit.Hamlet;
import org.xaso.api.unit.UnitSuccession;

/** Administrative units with their history, and each commune's hamlets. */
@Path("/communes")
@Produces(MediaType.APPLICATION_JSON)
public class CommunesResource {

    private static final Set<String> LEVELS = Set.of("province", "district", "commune");

    private final AdminUnitService units;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    CommunesResource(AdminUnitService units) {
        this.units = units;
    }

    /**
     * Every unit known, all periods, with predecessors and successors.
     *
     * @param level   province, district or commune
     * @param current true for the units that exist today only
     */
    @GET
    public Map<String, Object> list(@QueryParam("level") String level, @QueryParam("current") String current) {
        if (level != null && !LEVELS.contains(level)) {
            throw Problems.badRequest("level", "invalid-level", "level là province, district hoặc commune",
                    "level is province, district or commune");
        }
        if (current != null && !current.equals("true") && !current.equals("false")) {
            throw Problems.badRequest("current", "not-a-boolean", "current là true hoặc false", "current is true or false");
        }
        List<AdminUnit> all = units.units();
        List<UnitSuccession> successions = units.successions();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        List<Map<String, Object>> items = all.stream()
                .filter(u -> level == null || u.level().name().equalsIgnoreCase(level))
                .filter(u -> current == null || u.validOn(today) == Boolean.parseBoolean(current))
                .map(u -> {
                    Map<String, Object> m = Views.unit(u, successions, all);
                    m.put("current", u.validOn(today));
                    return m;
                })
                .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", items.size());
        m.put("items", items);
        return m;
    }

    /** What a code means today: the current unit, every unit that held the code, and successors of a gone one. */
    @GET
    @Path("/{code}")
    public Map<String, Object> get(@PathParam("code") String code) {
        CommuneStatus s = units.commune(code);
        if (!s.known()) {
            throw new NotFoundException(NotFoundException.What.COMMUNE, code);
        }
        return Views.communeStatus(s, units.successions(), units.units());
    }

    @GET
    @Path("/{code}/hamlets")
    public Map<String, Object> hamlets(@PathParam("code") String code) {
        units.requireCurrentCommune(code);
        List<Hamlet> hs = units.hamlets(code);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commune", code);
        m.put("total", hs.size());
        m.put("items", hs.stream().map(Views::hamlet).toList());
        return m;
    }

    /** Adds a hamlet: {@code {"code": "AP3", "name": "Ấp Bình Thạnh"}}. */
    @POST
    @Path("/{code}/hamlets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addHamlet(@PathParam("code") String code, Map<String, Object> body) {
        Hamlet h = hamletFrom(code, null, body);
        if (units.hamlets(code).stream().anyMatch(x -> x.code().equals(h.code()))) {
            throw new org.xaso.api.error.ConflictException("duplicate-hamlet", "Đã có ấp mã " + h.code(),
                    "Hamlet " + h.code() + " exists already", null);
        }
        Hamlet saved = units.saveHamlet(Callers.of(headers, request), h);
        return Response.status(201).entity(Views.hamlet(saved)).build();
    }

    /** Renames a hamlet or marks it inactive: {@code {"name": "...", "active": false}}. */
    @PUT
    @Path("/{code}/hamlets/{hamlet}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> saveHamlet(@PathParam("code") String code, @PathParam("hamlet") String hamlet,
                                          Map<String, Object> body) {
        if (units.hamlets(code).stream().noneMatch(x -> x.code().equals(hamlet))) {
            throw new NotFoundException(NotFoundException.What.HAMLET, hamlet);
        }
        return Views.hamlet(units.saveHamlet(Callers.of(headers, request), hamletFrom(code, hamlet, body)));
    }

    private static Hamlet hamletFrom(String commune, String code, Map<String, Object> body) {
        if (body == null) {
            throw Problems.badBody("body", "required", "Thiếu nội dung JSON", "a JSON body is required");
        }
        for (String k : body.keySet()) {
            if (!Set.of("code", "name", "active", "communeCode", "source").contains(k)) {
                throw Problems.badBody(k, "unknown-field", "Trường không hợp lệ", "unknown field");
            }
        }
        Object c = code != null ? code : body.get("code");
        Object n = body.get("name");
        if (!(c instanceof String) || ((String) c).isBlank()) {
            throw Problems.badBody("code", "required", "Bắt buộc nhập mã ấp", "code is required");
        }
        if (!(n instanceof String) || ((String) n).isBlank()) {
            throw Problems.badBody("name", "required", "Bắt buộc nhập tên ấp", "name is required");
        }
        Object a = body.getOrDefault("active", Boolean.TRUE);
        if (!(a instanceof Boolean)) {
            throw Problems.badBody("active", "not-a-boolean", "Phải là true hoặc false", "must be true or false");
        }
        return new Hamlet(commune, (String) c, (String) n, (Boolean) a, null);
    }
}
