package org.xaso.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.xaso.api.error.NotFoundException;
import org.xaso.api.record.RecordExporter;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterRegistry;

/** The registers deployed now and their descriptors. */
@Path("/registers")
@Produces(MediaType.APPLICATION_JSON)
public class RegistersResource {

    private final RegisterRegistry registry;
    private final RecordExporter exporter;

    RegistersResource(RegisterRegistry registry, RecordExporter exporter) {
        this.registry = registry;
        this.exporter = exporter;
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

    /**
     * The empty import template of a register: {@code template.xlsx} (header row, and a sheet explaining each column
     * with the accepted codes) or {@code template.csv} (the header row, UTF-8 with BOM for Excel).
     */
    @GET
    @Path("/{id}/template.{format}")
    @Produces({RecordsResource.XLSX, RecordsResource.CSV})
    public Response template(@PathParam("id") String id, @PathParam("format") String format) {
        require(registry, id);
        return RecordsResource.file(exporter.template(id, RecordsResource.sheetFormat(format)));
    }

    static RegisterDescriptor require(RegisterRegistry registry, String id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException(NotFoundException.What.REGISTER, id,
                "Sổ '" + id + "' không có hoặc chưa được cài đặt trên máy chủ này",
                "Register '" + id + "' is not deployed on this server"));
    }

}
