package org.xaso.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.xaso.api.error.NotFoundException;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterRegistry;

/** The registers deployed now and their descriptors. */
@Path("/registers")
@Produces(MediaType.APPLICATION_JSON)
public class RegistersResource {

    private final RegisterRegistry registry;

    RegistersResource(RegisterRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Map<String, Object> list() {
        List<RegisterDescriptor> all = registry.list();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", all.size());
        m.put("items", all.stream().map(Views::registerSummary).toList());
        return m;
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return Views.descriptor(require(registry, id));
    }

    /** An empty spreadsheet (CSV, UTF-8 with BOM for Excel) whose header row is the register's Vietnamese labels. */
    @GET
    @Path("/{id}/template.csv")
    @Produces("text/csv")
    public Response template(@PathParam("id") String id) {
        RegisterDescriptor d = require(registry, id);
        String header = d.fields().stream().map(f -> csv(f.labelVi() + (f.required() ? " *" : "")))
                .collect(Collectors.joining(","));
        byte[] bytes = ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
        return Response.ok(bytes, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-mau-nhap.csv\"").build();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static RegisterDescriptor require(RegisterRegistry registry, String id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException(NotFoundException.What.REGISTER, id,
                "Sổ '" + id + "' không có hoặc chưa được cài đặt trên máy chủ này",
                "Register '" + id + "' is not deployed on this server"));
    }

}
