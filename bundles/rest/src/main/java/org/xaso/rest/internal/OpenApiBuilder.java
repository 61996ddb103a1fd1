package org.xaso.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.RegisterDescriptor;

/**
 * The OpenAPI 3 document of the API, generated from the registers deployed now: every register gets its own typed
 * record schema and its own search parameters, so integrators see the real fields, not a generic map.
 */
final class OpenApiBuilder {

    private OpenApiBuilder() {
    }

    static Map<String, Object> build(List<RegisterDescriptor> registers, String serverUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", map("title", "Xã Số API", "version", "1.0.0",
                "description", "Cơ sở dữ liệu quản lý nhà nước cấp xã — REST API. Lỗi trả về theo RFC 7807"
                        + " (application/problem+json), nêu tên trường và lý do. / The commune state-management"
                        + " database of a Vietnamese province. Errors are RFC 7807 problems naming each field."));
        doc.put("servers", List.of(map("url", serverUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/registers", map("get", op("Các sổ đang triển khai / Registers deployed now", "registers", List.of(), ok("RegisterList"))));
        paths.put("/registers/{registerId}", map("get", op("Mô tả sổ / A register's descriptor", "registers",
                List.of(pathParam("registerId")), ok("Descriptor"))));
        paths.put("/communes", map("get", op("Đơn vị hành chính và lịch sử / Units with their history", "communes",
                List.of(query("level", "province, district or commune"), query("current", "true for units existing today")), ok("Units"))));
        paths.put("/communes/{code}", map("get", op("Ý nghĩa hiện nay của một mã / What a code means today", "communes",
                List.of(pathParam("code")), ok("CommuneStatus"))));
        paths.put("/communes/{code}/hamlets", map(
                "get", op("Các ấp, khu phố / Hamlets of a commune", "communes", List.of(pathParam("code")), ok("Hamlets")),
                "post", withBody(op("Thêm ấp / Add a hamlet", "communes", List.of(pathParam("code")), created("Hamlet")), "Hamlet")));
        paths.put("/registers/{registerId}/template.{format}", map("get", op("Mẫu nhập liệu / Import template (xlsx, csv)",
                "registers", List.of(pathParam("registerId"), pathParam("format")), file())));
        paths.put("/codelists", map("get", op("Danh mục / Code lists", "codelists", List.of(), ok("CodeLists"))));
        paths.put("/codelists/{listId}", map("get", op("Một danh mục / A code list", "codelists", List.of(pathParam("listId")),
                ok("CodeList"))));
        paths.put("/codelists/{listId}/values", map("post", withBody(op("Thêm giá trị / Add a value", "codelists",
                List.of(pathParam("listId")), created("CodeList")), "CodeValue")));
        paths.put("/codelists/{listId}/values/{code}", map("put", withBody(op("Sửa nhãn, ngừng dùng / Relabel or retire",
                "codelists", List.of(pathParam("listId"), pathParam("code")), ok("CodeList")), "CodeValue")));
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        schemas.put("CodeValue", map("type", "object", "properties", map("code", map("type", "string"), "labelVi",
                map("type", "string"), "labelEn", map("type", "string"), "active", map("type", "boolean"),
                "reason", map("type", "string"))));
        schemas.put("ImportReport", map("type", "object", "properties", map("committed", map("type", "boolean"),
                "rows", map("type", "integer"), "created", map("type", "integer"), "updated", map("type", "integer"),
                "unchanged", map("type", "integer"), "rejected", map("type", "integer"), "errors", map("type", "array",
                        "items", map("type", "object", "properties", map("row", map("type", "integer"),
                                "field", map("type", "string"), "code", map("type", "string"), "message", map("type", "string")))))));
        for (String s : List.of("RegisterList", "Descriptor", "Units", "CommuneStatus", "Hamlets", "Hamlet", "Stats",
                "CodeLists", "CodeList", "Reports")) {
            schemas.put(s, map("type", "object"));
        }
        for (RegisterDescriptor d : registers) {
            String schema = schemaName(d.id());
            schemas.put(schema + "Data", dataSchema(d));
            schemas.put(schema, recordSchema(schema + "Data"));
            schemas.put(schema + "Page", map("type", "object", "properties", map(
                    "total", map("type", "integer"), "limit", map("type", "integer"), "offset", map("type", "integer"),
                    "items", map("type", "array", "items", ref(schema)))));
            String base = "/communes/{code}/registers/" + d.id();
            List<Object> searchParams = new ArrayList<>(List.of(pathParam("code"), query("q", "Từ khóa, không phân biệt dấu / words, diacritics ignored"),
                    query("format", "json (mặc định), xlsx, csv: tải về mọi bản ghi tìm được / every match as a spreadsheet"),
                    query("sort", "field,-field"), query("limit", "1..1000, default 50"), query("offset", "skip")));
            for (FieldDescriptor f : d.fields()) {
                if (f.searchable()) {
                    searchParams.add(query(f.name(), f.labelVi() + " / " + f.labelEn()));
                    if (f.type().isOrdered()) {
                        searchParams.add(query(f.name() + ".from", f.labelVi() + " từ / from"));
                        searchParams.add(query(f.name() + ".to", f.labelVi() + " đến / to"));
                    }
                }
            }
            String tag = d.domain();
            paths.put(base + "/records", map(
                    "get", op(d.nameVi() + ": tìm kiếm / search " + d.nameEn(), tag, searchParams, ok(schema + "Page")),
                    "post", withBody(op(d.nameVi() + ": thêm / create", tag, List.of(pathParam("code")), created(schema)),
                            schema + "Write")));
            schemas.put(schema + "Write", map("type", "object", "required", List.of("data"),
                    "properties", map("data", ref(schema + "Data"))));
            paths.put(base + "/records/{id}", map(
                    "get", op(d.nameVi() + ": xem / read", tag, List.of(pathParam("code"), pathParam("id")), ok(schema)),
                    "put", withBody(op(d.nameVi() + ": sửa (If-Match: phiên bản) / update", tag,
                            List.of(pathParam("code"), pathParam("id"), header("If-Match", "the version read, e.g. \"3\"")), ok(schema)),
                            schema + "Write"),
                    "delete", op(d.nameVi() + ": xóa (lưu vết) / soft delete", tag,
                            List.of(pathParam("code"), pathParam("id"), query("reason", "lý do xóa (bắt buộc) / reason (required)")), ok(schema))));
            List<Object> statsParams = new ArrayList<>(List.of(pathParam("code"), query("groupBy", "f1,f2 — dates: f:year, f:month"),
                    query("measure", "sum:f, avg:f, min:f, max:f")));
            statsParams.add(query("format", "json, xlsx, csv"));
            paths.put(base + "/stats", map("get", op(d.nameVi() + ": thống kê / statistics", tag, statsParams, ok("Stats"))));
            paths.put(base + "/reports", map("get", op(d.nameVi() + ": báo cáo có sẵn / shipped reports", tag,
                    List.of(pathParam("code")), ok("Reports"))));
            paths.put(base + "/reports/{report}", map("get", op(d.nameVi() + ": chạy báo cáo / run a report", tag,
                    List.of(pathParam("code"), pathParam("report"), query("format", "json, xlsx, csv")), ok("Stats"))));
            Map<String, Object> upload = op(d.nameVi() + ": nhập từ Excel/CSV / import a spreadsheet", tag,
                    List.of(pathParam("code")), ok("ImportReport"));
            upload.put("requestBody", map("required", true, "content", map("multipart/form-data", map("schema", map(
                    "type", "object", "required", List.of("file"), "properties", map(
                            "file", map("type", "string", "format", "binary"),
                            "mode", map("type", "string", "enum", List.of("all-or-nothing", "valid-rows-only"))))))));
            castMap(upload.get("responses")).put("422", map("description", "nothing written: the report lists each refused row",
                    "content", map(Problems.MEDIA_TYPE, map("schema", ref("ImportReport")))));
            paths.put(base + "/imports", map("post", upload));
            if (d.flags().autoAggregate()) {
                paths.put(base + "/aggregate", map("post", op(d.nameVi() + ": tổng hợp lại / compute", tag,
                        List.of(pathParam("code"), query("year", "năm / year"), query("month", "tháng / month")), ok(schema))));
            }
        }
        doc.put("paths", paths);
        doc.put("components", map("schemas", schemas));
        return doc;
    }

    static String schemaName(String id) {
        StringBuilder sb = new StringBuilder();
        for (String p : id.split("-")) {
            sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return sb.toString();
    }

    private static Map<String, Object> dataSchema(RegisterDescriptor d) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldDescriptor f : d.fields()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("description", f.labelVi() + " / " + f.labelEn() + (f.unit() == null ? "" : " (" + f.unit() + ")")
                    + " — " + f.personalData().jsonName());
            switch (f.type()) {
                case INTEGER, MONEY -> p.put("type", "integer");
                case DECIMAL, AREA -> p.put("type", "number");
                case BOOLEAN -> p.put("type", "boolean");
                case DATE -> {
                    p.put("type", "string");
                    p.put("format", "date");
                }
                case DATE_TIME -> {
                    p.put("type", "string");
                    p.put("format", "date-time");
                }
                case REFERENCE -> {
                    p.put("type", "string");
                    p.put("format", "uuid");
                }
                case CITIZEN_ID -> {
                    p.put("type", "string");
                    p.put("pattern", "^[0-9]{12}$");
                }
                case EMAIL -> {
                    p.put("type", "string");
                    p.put("format", "email");
                }
                default -> p.put("type", "string");
            }
            if (f.maxLength() != null) {
                p.put("maxLength", f.maxLength());
            }
            if (f.min() != null) {
                p.put("minimum", f.min());
            }
            if (f.max() != null) {
                p.put("maximum", f.max());
            }
            d.codeList(f.codeList() == null ? "" : f.codeList()).ifPresent(l ->
                    p.put("enum", l.values().stream().filter(CodeValue::active).map(CodeValue::code).toList()));
            props.put(f.name(), p);
            if (f.required()) {
                required.add(f.name());
            }
        }
        Map<String, Object> s = map("type", "object", "properties", props, "additionalProperties", false);
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        return s;
    }

    private static Map<String, Object> recordSchema(String dataSchema) {
        return map("type", "object", "properties", map(
                "id", map("type", "string", "format", "uuid"),
                "registerId", map("type", "string"),
                "communeCode", map("type", "string"),
                "version", map("type", "integer"),
                "data", ref(dataSchema),
                "labels", map("type", "object", "additionalProperties", map("type", "string")),
                "audit", map("type", "object"),
                "source", map("type", "string")));
    }

    private static Map<String, Object> problemSchema() {
        return map("type", "object", "properties", map(
                "type", map("type", "string"), "title", map("type", "string"), "status", map("type", "integer"),
                "detail", map("type", "string"), "code", map("type", "string"),
                "errors", map("type", "array", "items", map("type", "object", "properties", map(
                        "field", map("type", "string"), "code", map("type", "string"),
                        "message", map("type", "string"), "messageEn", map("type", "string"))))));
    }

    private static Map<String, Object> op(String summary, String tag, List<Object> params, Map<String, Object> success) {
        Map<String, Object> responses = new LinkedHashMap<>(success);
        Map<String, Object> problem = map("description", "RFC 7807 problem", "content",
                map(Problems.MEDIA_TYPE, map("schema", ref("Problem"))));
        responses.put("400", problem);
        responses.put("404", problem);
        return map("summary", summary, "tags", List.of(tag), "parameters", params, "responses", responses);
    }

    private static Map<String, Object> withBody(Map<String, Object> op, String schema) {
        op.put("requestBody", map("required", true, "content", map("application/json", map("schema", ref(schema)))));
        Map<String, Object> responses = castMap(op.get("responses"));
        responses.put("409", map("description", "stale version or duplicate key"));
        responses.put("422", map("description", "invalid data: each field named with its reason"));
        return op;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> ok(String schema) {
        return map("200", map("description", "OK", "content", map("application/json", map("schema", ref(schema)))));
    }

    private static Map<String, Object> file() {
        return map("200", map("description", "A spreadsheet", "content", map(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", map("schema", map("type", "string", "format", "binary")),
                "text/csv", map("schema", map("type", "string")))));
    }

    private static Map<String, Object> created(String schema) {
        return map("201", map("description", "Created", "content", map("application/json", map("schema", ref(schema)))));
    }

    private static Map<String, Object> ref(String schema) {
        return map("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> pathParam(String name) {
        return map("name", name, "in", "path", "required", true, "schema", map("type", "string"));
    }

    private static Map<String, Object> query(String name, String description) {
        return map("name", name, "in", "query", "required", false, "description", description, "schema", map("type", "string"));
    }

    private static Map<String, Object> header(String name, String description) {
        return map("name", name, "in", "header", "required", false, "description", description, "schema", map("type", "string"));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
