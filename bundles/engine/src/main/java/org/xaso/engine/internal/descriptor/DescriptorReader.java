package org.xaso.engine.internal.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.PersonalDataClass;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterFlags;
import org.xaso.api.register.ReportDefinition;
import org.xaso.engine.internal.schema.RegisterTable;
import org.xaso.engine.internal.text.VietnameseText;

/**
 * Reads register descriptors and code lists from YAML, strictly: an unknown key, a missing label, a field option that
 * does not fit its type or a code list that does not exist is reported, with the file and the element, and the
 * register is not deployed.
 */
public final class DescriptorReader {

    /** Names that would collide with record attributes or query parameters. */
    public static final Set<String> RESERVED_FIELD_NAMES = Set.of("id", "communeCode", "commune", "version", "data",
            "createdAt", "createdBy", "updatedAt", "updatedBy", "source", "syncedAt", "deleted", "deletedAt",
            "deletedBy", "deleteReason", "q", "sort", "limit", "offset", "format", "groupBy", "measure",
            "includeDeleted", "mode", "labels", "purpose", "reason");

    private static final Pattern REGISTER_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Set<String> REGISTER_KEYS = Set.of("id", "seedCode", "domain", "domainVi", "groupVi",
            "nameVi", "nameEn", "descriptionVi", "flags", "naturalKey", "titleFields", "fields", "reports");
    private static final Set<String> REPORT_KEYS = Set.of("id", "nameVi", "nameEn", "groupBy", "measures", "filters");
    private static final Pattern MEASURE = Pattern.compile("(sum|avg|min|max):([a-z][a-zA-Z0-9]*)");
    private static final Set<String> FLAG_KEYS = Set.of("crud", "onestopLink", "excelImport", "externalSource",
            "autoAggregate", "criteriaSet");
    private static final Set<String> FIELD_KEYS = Set.of("name", "type", "labelVi", "labelEn", "hintVi", "required",
            "maxLength", "min", "max", "scale", "pattern", "notFuture", "codeList", "ref", "searchable", "dimension",
            "measure", "personalData", "unit", "demo");
    private static final Set<String> CODE_LIST_KEYS = Set.of("id", "nameVi", "nameEn", "basis", "values");
    private static final Set<String> CODE_VALUE_KEYS = Set.of("code", "vi", "en", "active");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** A parsed register with the fingerprint of its content (comments and layout excluded). */
    public record Parsed(RegisterDescriptor descriptor, String sha256) {
    }

    public CodeList readCodeList(String source, InputStream in) throws DescriptorException {
        JsonNode root = parse(source, in);
        List<String> p = new ArrayList<>();
        unknownKeys(root, CODE_LIST_KEYS, "code list", p);
        String id = text(root, "id", "code list", p, true);
        String nameVi = text(root, "nameVi", "code list", p, true);
        String nameEn = text(root, "nameEn", "code list", p, true);
        String basis = text(root, "basis", "code list", p, false);
        if (id != null && !REGISTER_ID.matcher(id).matches()) {
            p.add("code list id '" + id + "' must be lower-case words joined by '-'");
        }
        List<CodeValue> values = new ArrayList<>();
        JsonNode vs = root.get("values");
        if (vs == null || !vs.isArray() || vs.isEmpty()) {
            p.add("code list " + id + ": 'values' must be a non-empty list");
        } else {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode v : vs) {
                String where = "code list " + id + " value " + v;
                unknownKeys(v, CODE_VALUE_KEYS, where, p);
                String code = v.hasNonNull("code") ? v.get("code").asText() : null;
                String vi = text(v, "vi", where, p, true);
                String en = text(v, "en", where, p, true);
                if (code == null || !CODE.matcher(code).matches() || code.length() > 64) {
                    p.add(where + ": 'code' must be letters, digits, '.', '_' or '-' (at most 64)");
                    continue;
                }
                if (!seen.add(code)) {
                    p.add("code list " + id + ": code '" + code + "' appears twice");
                }
                boolean active = !v.has("active") || v.get("active").asBoolean(true);
                if (vi != null) {
                    values.add(new CodeValue(code, VietnameseText.clean(vi), en, active));
                }
            }
        }
        if (!p.isEmpty()) {
            throw new DescriptorException(source, p);
        }
        return new CodeList(id, VietnameseText.clean(nameVi), nameEn, basis, values);
    }

    /**
     * @param codeLists resolves the code lists the register's fields name (from the same bundle or built in)
     */
    public Parsed readRegister(String source, InputStream in, Function<String, CodeList> codeLists)
            throws DescriptorException {
        JsonNode root = parse(source, in);
        List<String> p = new ArrayList<>();
        unknownKeys(root, REGISTER_KEYS, "register", p);
        String id = text(root, "id", "register", p, true);
        if (id != null && (!REGISTER_ID.matcher(id).matches() || id.length() > 50)) {
            p.add("register id '" + id + "' must be lower-case words joined by '-' (at most 50 characters)");
        }
        String where = "register " + id;
        RegisterDescriptor.Builder b = RegisterDescriptor.builder(id)
                .names(VietnameseText.clean(text(root, "nameVi", where, p, true)), text(root, "nameEn", where, p, true))
                .domain(text(root, "domain", where, p, true), VietnameseText.clean(text(root, "domainVi", where, p, false)))
                .groupVi(VietnameseText.clean(text(root, "groupVi", where, p, false)))
                .seedCode(text(root, "seedCode", where, p, false))
                .descriptionVi(text(root, "descriptionVi", where, p, false));

        JsonNode fields = root.get("fields");
        List<FieldDescriptor> built = new ArrayList<>();
        if (fields == null || !fields.isArray() || fields.isEmpty()) {
            p.add(where + ": 'fields' must be a non-empty list");
        } else {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (JsonNode f : fields) {
                FieldDescriptor fd = field(f, where, p, codeLists, b);
                if (fd != null) {
                    if (!names.add(fd.name())) {
                        p.add(where + ": field '" + fd.name() + "' is declared twice");
                    } else {
                        built.add(fd);
                        b.field(fd);
                    }
                }
            }
        }
        RegisterFlags flags = flags(root.get("flags"), where, p);
        b.flags(flags);
        if (flags.onestopLink()) {
            for (FieldDescriptor fd : dossierFields(codeLists, b)) {
                if (built.stream().noneMatch(x -> x.name().equals(fd.name()))) {
                    built.add(fd);
                    b.field(fd);
                }
            }
        }
        reports(root.get("reports"), where, built, p).forEach(b::report);
        List<String> nk = names(root.get("naturalKey"), where + " naturalKey", p);
        for (String n : nk) {
            FieldDescriptor f = built.stream().filter(x -> x.name().equals(n)).findFirst().orElse(null);
            if (f == null) {
                p.add(where + ": naturalKey names unknown field '" + n + "'");
            } else if (!f.required()) {
                p.add(where + ": naturalKey field '" + n + "' must be required");
            } else if (f.type() == FieldType.LONG_TEXT) {
                p.add(where + ": naturalKey field '" + n + "' cannot be long text");
            }
        }
        b.naturalKey(nk);
        List<String> titles = names(root.get("titleFields"), where + " titleFields", p);
        for (String n : titles) {
            if (built.stream().noneMatch(x -> x.name().equals(n))) {
                p.add(where + ": titleFields names unknown field '" + n + "'");
            }
        }
        if (titles.isEmpty()) {
            built.stream().filter(x -> x.type() == FieldType.TEXT).findFirst().ifPresent(x -> titles.add(x.name()));
        }
        b.titleFields(titles);
        if (!p.isEmpty()) {
            throw new DescriptorException(source, p);
        }
        try {
            return new Parsed(b.build(), sha256(root));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DescriptorException(source, List.of(e.getMessage()));
        }
    }

    private FieldDescriptor field(JsonNode f, String reg, List<String> p, Function<String, CodeList> codeLists,
                                  RegisterDescriptor.Builder b) {
        String name = f.hasNonNull("name") ? f.get("name").asText() : null;
        String where = reg + " field '" + name + "'";
        int before = p.size();
        unknownKeys(f, FIELD_KEYS, where, p);
        if (name == null || !FIELD_NAME.matcher(name).matches() || name.length() > 40) {
            p.add(reg + ": field name '" + name + "' must be lower camel case, letters and digits, at most 40");
            return null;
        }
        if (RESERVED_FIELD_NAMES.contains(name)) {
            p.add(where + ": the name is reserved for record attributes or query parameters");
        }
        FieldType type;
        try {
            type = FieldType.fromJsonName(text(f, "type", where, p, true));
        } catch (IllegalArgumentException | NullPointerException e) {
            p.add(where + ": 'type' must be one of text, longText, integer, decimal, money, area, date, dateTime,"
                    + " boolean, code, citizenId, phone, email, hamlet, reference");
            return null;
        }
        FieldDescriptor.Builder fb = FieldDescriptor.builder(name, type)
                .labels(VietnameseText.clean(text(f, "labelVi", where, p, true)), text(f, "labelEn", where, p, true))
                .hintVi(text(f, "hintVi", where, p, false))
                .required(bool(f, "required"))
                .searchable(bool(f, "searchable"))
                .dimension(bool(f, "dimension"))
                .measure(bool(f, "measure"))
                .notFuture(bool(f, "notFuture"))
                .unit(text(f, "unit", where, p, false))
                .demo(text(f, "demo", where, p, false));

        if (f.has("maxLength")) {
            if (!type.isFreeText()) {
                p.add(where + ": maxLength applies to text and longText only");
            } else if (!f.get("maxLength").canConvertToInt() || f.get("maxLength").asInt() < 1) {
                p.add(where + ": maxLength must be a positive whole number");
            } else {
                int max = f.get("maxLength").asInt();
                int limit = type == FieldType.TEXT ? 1000 : 8000;
                if (max > limit) {
                    p.add(where + ": maxLength " + max + " exceeds " + limit + " for " + type.jsonName());
                }
                fb.maxLength(max);
            }
        }
        BigDecimal min = decimal(f, "min", where, p);
        BigDecimal max = decimal(f, "max", where, p);
        if ((min != null || max != null) && !type.isNumeric()) {
            p.add(where + ": min/max apply to integer, decimal, money and area only");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            p.add(where + ": min is greater than max");
        }
        fb.min(min).max(max);
        if (f.has("scale")) {
            int scale = f.get("scale").asInt(-1);
            if (type != FieldType.DECIMAL && type != FieldType.AREA) {
                p.add(where + ": scale applies to decimal and area only");
            } else if (scale < 0 || scale > 6) {
                p.add(where + ": scale must be 0 to 6");
            } else {
                fb.scale(scale);
            }
        }
        String pattern = text(f, "pattern", where, p, false);
        if (pattern != null) {
            if (type != FieldType.TEXT) {
                p.add(where + ": pattern applies to text only");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                p.add(where + ": pattern is not a valid regular expression: " + e.getDescription());
            }
            fb.pattern(pattern);
        }
        if (bool(f, "notFuture") && type != FieldType.DATE && type != FieldType.DATE_TIME) {
            p.add(where + ": notFuture applies to date and dateTime only");
        }
        String codeList = text(f, "codeList", where, p, false);
        if (type == FieldType.CODE) {
            if (codeList == null) {
                p.add(where + ": a code field names its codeList");
            } else {
                CodeList list = codeLists.apply(codeList);
                if (list == null) {
                    p.add(where + ": code list '" + codeList + "' is not defined in this bundle nor built in");
                } else {
                    b.codeList(list);
                }
            }
            fb.codeList(codeList);
        } else if (codeList != null) {
            p.add(where + ": codeList applies to code fields only");
        }
        String ref = text(f, "ref", where, p, false);
        if (type == FieldType.REFERENCE) {
            if (ref == null || !REGISTER_ID.matcher(ref).matches()) {
                p.add(where + ": a reference field names the register it refers to in 'ref'");
            }
            fb.refRegister(ref);
        } else if (ref != null) {
            p.add(where + ": ref applies to reference fields only");
        }
        if (bool(f, "measure") && !type.isNumeric()) {
            p.add(where + ": only integer, decimal, money and area fields can be measures");
        }
        if (bool(f, "dimension") && (type == FieldType.LONG_TEXT || type == FieldType.CITIZEN_ID
                || type == FieldType.PHONE || type == FieldType.EMAIL || type == FieldType.REFERENCE)) {
            p.add(where + ": " + type.jsonName() + " fields cannot group statistics");
        }
        String pd = text(f, "personalData", where, p, false);
        PersonalDataClass pdc = null;
        if (pd != null) {
            try {
                pdc = PersonalDataClass.fromJsonName(pd);
            } catch (IllegalArgumentException e) {
                p.add(where + ": " + e.getMessage());
            }
        }
        if (type == FieldType.CITIZEN_ID && (pdc == null || !pdc.isPersonal())) {
            if (pdc != null) {
                p.add(where + ": a citizen ID is personal data (personal or sensitive)");
            }
            pdc = PersonalDataClass.PERSONAL;
        }
        fb.personalData(pdc);
        if (p.size() > before) {
            return null;
        }
        return fb.build();
    }

    /**
     * The dossier section of registers linked to the one-stop system (flag {@code onestopLink}): the fields the
     * one-stop integration fills, added to the descriptor by the engine so that every such register has the same.
     */
    static List<FieldDescriptor> dossierFields(Function<String, CodeList> codeLists, RegisterDescriptor.Builder b) {
        for (String list : List.of("dossier-status", "dossier-channel")) {
            CodeList l = codeLists.apply(list);
            if (l != null) {
                b.codeList(l);
            }
        }
        return List.of(
                FieldDescriptor.builder("dossierCode", FieldType.TEXT).labels("Mã hồ sơ một cửa", "One-stop dossier code")
                        .maxLength(40).pattern("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[0-9A-Z]{3}-[0-9]{6}-[0-9]{4}")
                        .hintVi("Dạng 000.00.19.H50-250701-0001 (Thông tư 01/2018/TT-VPCP, Điều 19)")
                        .searchable(true).personalData(PersonalDataClass.INTERNAL).demo("dossierCode").build(),
                FieldDescriptor.builder("procedureCode", FieldType.TEXT).labels("Mã thủ tục hành chính", "Procedure code")
                        .maxLength(20).pattern("[0-9]\\.[0-9]{6}").hintVi("Mã TTHC trên Cơ sở dữ liệu quốc gia, ví dụ 1.004227")
                        .searchable(true).dimension(true).demo("procedureCode").build(),
                FieldDescriptor.builder("dossierStatus", FieldType.CODE).labels("Trạng thái hồ sơ", "Dossier status")
                        .codeList("dossier-status").searchable(true).dimension(true).build(),
                FieldDescriptor.builder("dossierChannel", FieldType.CODE).labels("Hình thức nộp", "Submission channel")
                        .codeList("dossier-channel").searchable(true).dimension(true).build(),
                FieldDescriptor.builder("dossierReceivedOn", FieldType.DATE).labels("Ngày tiếp nhận hồ sơ", "Dossier received on")
                        .notFuture(true).searchable(true).dimension(true).build(),
                FieldDescriptor.builder("dossierDueOn", FieldType.DATE).labels("Ngày hẹn trả kết quả", "Result due on")
                        .searchable(true).demo("after:dossierReceivedOn:3-15").build(),
                FieldDescriptor.builder("dossierReturnedOn", FieldType.DATE).labels("Ngày trả kết quả", "Result returned on")
                        .notFuture(true).searchable(true).demo("after:dossierReceivedOn:1-20").build());
    }

    private static List<ReportDefinition> reports(JsonNode n, String reg, List<FieldDescriptor> fields, List<String> p) {
        List<ReportDefinition> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            p.add(reg + ": 'reports' must be a list");
            return out;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode r : n) {
            String id = r.hasNonNull("id") ? r.get("id").asText() : null;
            String where = reg + " report '" + id + "'";
            unknownKeys(r, REPORT_KEYS, where, p);
            if (id == null || !REGISTER_ID.matcher(id).matches()) {
                p.add(where + ": 'id' must be lower-case words joined by '-'");
                continue;
            }
            if (!ids.add(id)) {
                p.add(where + ": declared twice");
            }
            String nameVi = text(r, "nameVi", where, p, true);
            String nameEn = text(r, "nameEn", where, p, true);
            List<String> groupBy = names(r.get("groupBy"), where + " groupBy", p);
            for (String g : groupBy) {
                String field = g.contains(":") ? g.substring(0, g.indexOf(':')) : g;
                FieldDescriptor f = fields.stream().filter(x -> x.name().equals(field)).findFirst().orElse(null);
                if (f == null || !f.dimension()) {
                    p.add(where + ": groupBy '" + g + "' is not a dimension field of the register");
                } else if (g.contains(":") && (!(g.endsWith(":year") || g.endsWith(":month"))
                        || (f.type() != FieldType.DATE && f.type() != FieldType.DATE_TIME))) {
                    p.add(where + ": groupBy '" + g + "': only date fields group by :year or :month");
                }
            }
            List<String> measures = names(r.get("measures"), where + " measures", p);
            for (String m : measures) {
                java.util.regex.Matcher mm = MEASURE.matcher(m);
                FieldDescriptor f = mm.matches() ? fields.stream().filter(x -> x.name().equals(mm.group(2))).findFirst().orElse(null) : null;
                if (f == null || !f.measure()) {
                    p.add(where + ": measure '" + m + "' must be sum:, avg:, min: or max: of a measure field");
                }
            }
            java.util.Map<String, String> filters = new java.util.LinkedHashMap<>();
            JsonNode fl = r.get("filters");
            if (fl != null && !fl.isNull()) {
                if (!fl.isObject()) {
                    p.add(where + ": 'filters' must be a mapping of field to value");
                } else {
                    fl.fields().forEachRemaining(e -> {
                        String field = e.getKey().replaceAll("\\.(from|to)$", "");
                        if (fields.stream().noneMatch(x -> x.name().equals(field) && x.searchable())) {
                            p.add(where + ": filter '" + e.getKey() + "' is not a searchable field");
                        }
                        filters.put(e.getKey(), e.getValue().asText());
                    });
                }
            }
            if (groupBy.isEmpty()) {
                p.add(where + ": a report groups by at least one dimension");
            }
            if (nameVi != null && nameEn != null && !groupBy.isEmpty()) {
                out.add(new ReportDefinition(id, VietnameseText.clean(nameVi), nameEn, groupBy, measures, filters));
            }
        }
        return out;
    }

    private static RegisterFlags flags(JsonNode n, String where, List<String> p) {
        if (n == null || n.isNull()) {
            return RegisterFlags.DEFAULT;
        }
        unknownKeys(n, FLAG_KEYS, where + " flags", p);
        String ext = n.hasNonNull("externalSource") && !"-".equals(n.get("externalSource").asText())
                ? n.get("externalSource").asText() : null;
        return new RegisterFlags(!n.has("crud") || n.get("crud").asBoolean(), bool(n, "onestopLink"),
                bool(n, "excelImport"), ext, bool(n, "autoAggregate"), bool(n, "criteriaSet"));
    }

    private JsonNode parse(String source, InputStream in) throws DescriptorException {
        try {
            JsonNode n = yaml.readTree(in);
            if (n == null || !n.isObject()) {
                throw new DescriptorException(source, List.of("the file must hold a YAML mapping"));
            }
            return n;
        } catch (IOException e) {
            throw new DescriptorException(source, List.of("not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private String sha256(JsonNode root) {
        try {
            Object tree = canonical.treeToValue(root, Object.class);
            byte[] bytes = canonical.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            return HexFormat.of().formatHex(root.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 64);
        }
    }

    private static void unknownKeys(JsonNode n, Set<String> allowed, String where, List<String> p) {
        if (!(n instanceof ObjectNode)) {
            p.add(where + ": expected a mapping");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            String k = it.next().getKey();
            if (!allowed.contains(k)) {
                p.add(where + ": unknown key '" + k + "'");
            }
        }
    }

    private static String text(JsonNode n, String key, String where, List<String> p, boolean required) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                p.add(where + ": '" + key + "' is required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            p.add(where + ": '" + key + "' must be a single value");
            return null;
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String key) {
        return n.has(key) && n.get(key).asBoolean(false);
    }

    private static BigDecimal decimal(JsonNode n, String key, String where, List<String> p) {
        if (!n.hasNonNull(key)) {
            return null;
        }
        try {
            return new BigDecimal(n.get(key).asText());
        } catch (NumberFormatException e) {
            p.add(where + ": '" + key + "' must be a number");
            return null;
        }
    }

    private static List<String> names(JsonNode n, String where, List<String> p) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            p.add(where + " must be a list of field names");
            return out;
        }
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The default length of a field's column, for documentation. */
    public static int defaultLength(FieldType t) {
        return RegisterTable.defaultLength(t);
    }
}
