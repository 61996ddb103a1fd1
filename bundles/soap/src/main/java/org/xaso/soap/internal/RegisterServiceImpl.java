package org.xaso.soap.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.annotation.Resource;
import javax.jws.WebService;
import javax.servlet.http.HttpServletRequest;
import javax.xml.ws.WebServiceContext;
import javax.xml.ws.handler.MessageContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.error.XasoException;
import org.xaso.api.error.AccessDeniedException;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterRegistry;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.Hamlet;

/** RegisterService over the generic engine: the same rules as REST, in XML. */
@WebService(serviceName = "RegisterService", portName = "RegisterServicePort", targetNamespace = RegisterService.NS,
        endpointInterface = "org.xaso.soap.internal.RegisterService")
public class RegisterServiceImpl implements RegisterService {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterServiceImpl.class);

    private final RecordService records;
    private final RegisterRegistry registry;
    private final AdminUnitService units;

    @Resource
    private WebServiceContext context;

    RegisterServiceImpl(RecordService records, RegisterRegistry registry, AdminUnitService units) {
        this.records = records;
        this.registry = registry;
        this.units = units;
    }

    private CallerContext caller() {
        String remote = null;
        if (context != null) {
            Object req = context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
            if (req instanceof HttpServletRequest r) {
                remote = r.getRemoteAddr();
            }
        }
        return CallerContext.builder().user("anonymous@" + (remote == null ? "unknown" : remote)).channel("soap")
                .purpose("soap").remoteAddress(remote).allCommunes().build();
    }

    @Override
    public List<Dto.RegisterInfo> listRegisters() throws RegisterFault {
        return call(() -> {
            List<Dto.RegisterInfo> out = new ArrayList<>();
            for (RegisterDescriptor d : registry.list()) {
                Dto.RegisterInfo i = new Dto.RegisterInfo();
                i.id = d.id();
                i.nameVi = d.nameVi();
                i.nameEn = d.nameEn();
                i.domain = d.domain();
                i.seedCode = d.seedCode();
                i.readOnly = !d.flags().crud();
                for (FieldDescriptor f : d.fields()) {
                    Dto.FieldInfo fi = new Dto.FieldInfo();
                    fi.name = f.name();
                    fi.type = f.type().jsonName();
                    fi.required = f.required();
                    fi.labelVi = f.labelVi();
                    fi.labelEn = f.labelEn();
                    i.fields.add(fi);
                }
                out.add(i);
            }
            return out;
        });
    }

    @Override
    public Dto.Record getRecord(String registerId, String communeCode, String id) throws RegisterFault {
        return call(() -> record(records.get(caller(), registerId, communeCode, uuid(id))));
    }

    @Override
    public Dto.SearchResult searchRecords(String registerId, String communeCode, List<Dto.Criterion> criteria,
                                          Integer limit, Integer offset) throws RegisterFault {
        return call(() -> {
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (criteria != null) {
                for (Dto.Criterion c : criteria) {
                    if (c == null || c.name == null) {
                        throw new ValidationException(ValidationException.Location.QUERY, new FieldViolation("criterion",
                                "required", "Tiêu chí thiếu thuộc tính name", "a criterion needs a name attribute"));
                    }
                    params.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c.value == null ? "" : c.value);
                }
            }
            if (limit != null) {
                params.put("limit", List.of(limit.toString()));
            }
            if (offset != null) {
                params.put("offset", List.of(offset.toString()));
            }
            RecordQuery q = records.parseQuery(registerId, params, Set.of());
            Page<RegisterRecord> page = records.search(caller(), registerId, communeCode, q);
            Dto.SearchResult r = new Dto.SearchResult();
            r.total = page.total();
            r.limit = page.limit();
            r.offset = page.offset();
            for (RegisterRecord rec : page.items()) {
                r.records.add(record(rec));
            }
            return r;
        });
    }

    @Override
    public Dto.Record createRecord(String registerId, String communeCode, List<Dto.FieldValue> fields) throws RegisterFault {
        return call(() -> record(records.create(caller(), registerId, communeCode, data(fields))));
    }

    @Override
    public Dto.Record updateRecord(String registerId, String communeCode, String id, long version,
                                   List<Dto.FieldValue> fields) throws RegisterFault {
        return call(() -> record(records.update(caller(), registerId, communeCode, uuid(id), version, data(fields))));
    }

    // ------------------------------------------------------------------ conversions

    private static Map<String, Object> data(List<Dto.FieldValue> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<FieldViolation> v = new ArrayList<>();
        if (fields != null) {
            for (Dto.FieldValue f : fields) {
                if (f == null || f.name == null || f.name.isBlank()) {
                    v.add(new FieldViolation("field", "required", "Phần tử field thiếu thuộc tính name",
                            "a field element needs a name attribute"));
                } else if (m.containsKey(f.name)) {
                    v.add(new FieldViolation(f.name, "repeated", "Trường được gửi hai lần", "the field is sent twice"));
                } else {
                    m.put(f.name, f.value);
                }
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException(ValidationException.Location.BODY, v);
        }
        return m;
    }

    private Dto.Record record(RegisterRecord r) {
        RegisterDescriptor d = registry.find(r.registerId()).orElseThrow();
        List<Hamlet> hamlets = null;
        Dto.Record x = new Dto.Record();
        x.id = r.id().toString();
        x.registerId = r.registerId();
        x.communeCode = r.communeCode();
        x.version = r.version();
        for (FieldDescriptor f : d.fields()) {
            Object v = r.get(f.name());
            if (v == null) {
                continue;
            }
            String label = null;
            if (f.type() == FieldType.CODE) {
                label = d.codeList(f.codeList()).flatMap(l -> l.find(v.toString())).map(c -> c.labelVi()).orElse(null);
            } else if (f.type() == FieldType.HAMLET) {
                if (hamlets == null) {
                    hamlets = units.hamlets(r.communeCode());
                }
                label = hamlets.stream().filter(h -> h.code().equals(v)).map(Hamlet::name).findFirst().orElse(null);
            }
            x.fields.add(new Dto.FieldValue(f.name(), text(v), label));
        }
        x.createdAt = text(r.createdAt());
        x.createdBy = r.createdBy();
        x.updatedAt = text(r.updatedAt());
        x.updatedBy = r.updatedBy();
        x.source = r.source();
        x.syncedAt = text(r.syncedAt());
        return x;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        Object p = RegisterRecord.plain(v);
        return p instanceof BigDecimal b ? b.toPlainString() : p.toString();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(ValidationException.Location.QUERY, new FieldViolation("id", "invalid-id",
                    "Mã bản ghi phải là UUID", "a record id is a UUID"));
        }
    }

    // ------------------------------------------------------------------ faults

    private <T> T call(Supplier<T> work) throws RegisterFault {
        try {
            return work.get();
        } catch (XasoException e) {
            throw fault(e);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Incident {} in RegisterService: {}", incident, e.toString(), e);
            RegisterFaultInfo info = new RegisterFaultInfo();
            info.code = "internal-error";
            info.status = 500;
            info.message = "Máy chủ gặp lỗi; mã sự cố " + incident;
            info.messageEn = "The server failed; incident " + incident;
            info.incident = incident;
            throw new RegisterFault(info.messageEn, info);
        }
    }

    static RegisterFault fault(XasoException e) {
        RegisterFaultInfo info = new RegisterFaultInfo();
        info.code = e.problemCode();
        info.message = e.messageVi();
        info.messageEn = e.getMessage();
        if (e instanceof ValidationException v) {
            info.status = v.location() == ValidationException.Location.QUERY ? 400 : 422;
            for (FieldViolation fv : v.violations()) {
                Dto.Violation x = new Dto.Violation();
                x.field = fv.field();
                x.code = fv.code();
                x.message = fv.messageVi();
                x.messageEn = fv.messageEn();
                info.violations.add(x);
            }
        } else if (e instanceof CommuneGoneException g) {
            info.status = 410;
            g.successors().forEach(u -> {
                Dto.Successor s = new Dto.Successor();
                s.code = u.code();
                s.name = u.name();
                info.successors.add(s);
            });
        } else if (e instanceof NotFoundException) {
            info.status = 404;
        } else if (e instanceof ConflictException) {
            info.status = 409;
        } else if (e instanceof AccessDeniedException) {
            info.status = 403;
        } else {
            info.status = 503;
        }
        return new RegisterFault(e.getMessage(), info);
    }
}
