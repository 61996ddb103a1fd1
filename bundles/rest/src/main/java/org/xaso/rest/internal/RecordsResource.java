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

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.xaso.api.context.CallerContext;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordExporter;
import org.xaso.api.record.RecordImporter;
import org.xaso.api.record.SheetFormat;
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
    private final RecordExporter exporter;
    private final RecordImporter importer;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    RecordsResource(RecordService records, RegisterRegistry registry, AdminUnitService units, RecordExporter exporter,
                    RecordImporter importer) {
        this.records = records;
        this.registry = registry;
        this.units = units;
        this.exporter = exporter;
        this.importer = importer;
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

    /**
     * A search; with {@code format=xlsx} or {@code format=csv}, every matching record (limit and offset ignored) as a
     * spreadsheet with Vietnamese headers.
     */
    @GET
    @Path("/records")
    @Produces({MediaType.APPLICATION_JSON, XLSX, CSV})
    public Response search(@PathParam("commune") String commune, @PathParam("register") String register,
                           @QueryParam("format") String format) {
        RegisterDescriptor d = descriptor(register);
        RecordQuery q = records.parseQuery(register, uri.getQueryParameters(), Set.of("format"));
        if (wantsFile(format)) {
            return file(exporter.records(caller(), register, commune, q, sheetFormat(format)));
        }
        Page<RegisterRecord> page = records.search(caller(), register, commune, q);
        return Response.ok(Views.page(page, d, units.hamlets(commune)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Imports a spreadsheet (.xlsx or .csv): a multipart form with the file in part {@code file} and optionally
     * {@code mode} = {@code all-or-nothing} (default) or {@code valid-rows-only}. Answers 200 with the report when
     * rows were written, 422 with the same report and the row errors when nothing was.
     */
    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@PathParam("commune") String commune, @PathParam("register") String register,
                               MultipartBody body) throws java.io.IOException {
        descriptor(register);
        Attachment file = body.getAttachment("file");
        if (file == null) {
            throw Problems.badBody("file", "required", "Thiếu tệp: gửi biểu mẫu multipart có phần 'file'",
                    "send a multipart form with the spreadsheet in part 'file'");
        }
        String name = file.getContentDisposition() == null ? null : file.getContentDisposition().getParameter("filename");
        if (name == null || name.isBlank()) {
            throw Problems.badBody("file", "file-name-required", "Phần 'file' phải có tên tệp (.xlsx hoặc .csv)",
                    "part 'file' needs a file name ending .xlsx or .csv");
        }
        Attachment modePart = body.getAttachment("mode");
        String mode = modePart == null ? uri.getQueryParameters().getFirst("mode") : modePart.getObject(String.class);
        ImportReport report;
        try (java.io.InputStream in = file.getDataHandler().getInputStream()) {
            // an upload is an import, not typing: registers read from national databases accept it
            report = importer.importFile(caller().toBuilder().channel("import").build(), register, commune, name, in,
                    importOptions(mode));
        }
        Map<String, Object> view = Views.importReport(report);
        if (report.committed() || report.errors().isEmpty()) {
            return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Map<String, Object> problem = Problems.body(422, "import-refused", "Không nhập được tệp",
                "The file was not imported", "Không ghi bản ghi nào: xem danh sách lỗi theo dòng",
                "nothing was written: see the errors by row", Problems.english(headers.getAcceptableLanguages()),
                uri.getRequestUri().getPath());
        problem.putAll(view);
        return Problems.response(422, problem);
    }

    /**
     * Computes the record of a register whose figures derive from other data (e.g. it-application-summary with
     * {@code year} and {@code month}), stores it and answers it.
     */
    @POST
    @Path("/aggregate")
    public Response aggregate(@PathParam("commune") String commune, @PathParam("register") String register) {
        descriptor(register);
        Map<String, String> params = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        RegisterRecord r = records.aggregate(caller(), register, commune, params);
        return Response.ok(view(r, register, commune), MediaType.APPLICATION_JSON_TYPE).tag(etag(r)).build();
    }

    static ImportOptions importOptions(String mode) {
        if (mode == null || mode.isBlank() || mode.strip().equals("all-or-nothing")) {
            return ImportOptions.allOrNothing();
        }
        if (mode.strip().equals("valid-rows-only")) {
            return ImportOptions.validRowsOnly();
        }
        throw Problems.badBody("mode", "invalid-mode", "Chế độ nhập là all-or-nothing (tất cả hoặc không) hoặc"
                + " valid-rows-only (chỉ dòng hợp lệ)", "mode is all-or-nothing or valid-rows-only");
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

    /** Ad-hoc statistics; {@code format=xlsx|csv} gives the table as a spreadsheet. */
    @GET
    @Path("/stats")
    @Produces({MediaType.APPLICATION_JSON, XLSX, CSV})
    public Response stats(@PathParam("commune") String commune, @PathParam("register") String register,
                          @QueryParam("format") String format) {
        RegisterDescriptor d = descriptor(register);
        StatsQuery q = records.parseStats(register, uri.getQueryParameters(), Set.of("format"));
        if (wantsFile(format)) {
            return file(exporter.stats(caller(), register, commune, q, "Thống kê " + d.nameVi(), sheetFormat(format)));
        }
        return Response.ok(Views.stats(register, commune, records.stats(caller(), register, commune, q)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The reports the register ships, each with its link. */
    @GET
    @Path("/reports")
    public Map<String, Object> reports(@PathParam("commune") String commune, @PathParam("register") String register) {
        RegisterDescriptor d = descriptor(register);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("register", register);
        m.put("commune", commune);
        m.put("items", d.reports().stream().map(r -> {
            Map<String, Object> x = Views.report(r);
            x.put("href", uri.getAbsolutePathBuilder().path(r.id()).build().toString());
            return x;
        }).toList());
        return m;
    }

    /** One shipped report, narrowed by the search filters given; {@code format=xlsx|csv} for a spreadsheet. */
    @GET
    @Path("/reports/{report}")
    @Produces({MediaType.APPLICATION_JSON, XLSX, CSV})
    public Response report(@PathParam("commune") String commune, @PathParam("register") String register,
                           @PathParam("report") String report, @QueryParam("format") String format) {
        RegisterDescriptor d = descriptor(register);
        StatsQuery q = records.reportQuery(register, report, uri.getQueryParameters(), Set.of("format"));
        org.xaso.api.register.ReportDefinition def = d.report(report).orElseThrow();
        if (wantsFile(format)) {
            return file(exporter.stats(caller(), register, commune, q, def.nameVi() + " — " + d.nameVi(),
                    sheetFormat(format)));
        }
        Map<String, Object> m = Views.stats(register, commune, records.stats(caller(), register, commune, q));
        m.put("report", Views.report(def));
        return Response.ok(m, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    /** A spreadsheet is asked for: {@code format} other than json (an unknown one is refused by {@link #sheetFormat}). */
    static boolean wantsFile(String format) {
        return format != null && !format.equalsIgnoreCase("json");
    }

    static SheetFormat sheetFormat(String format) {
        return SheetFormat.of(format).orElseThrow(() -> Problems.badRequest("format", "invalid-format",
                "Định dạng là json, xlsx hoặc csv", "format is json, xlsx or csv"));
    }

    /** A spreadsheet download; its content is written as it streams out. */
    static Response file(RecordExporter.Sheet sheet) {
        javax.ws.rs.core.StreamingOutput body = sheet::writeTo;
        return Response.ok(body, sheet.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + sheet.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
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
