package org.xaso.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.error.AccessDeniedException;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.UnavailableException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.error.XasoException;
import org.xaso.api.unit.AdminUnit;

/**
 * Every error becomes an RFC 7807 problem: the caller's mistakes with a 4xx naming the field and the reason; the
 * server's own failures with a 500 carrying an incident id that is also in the log, never a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable t) {
        boolean en = headers != null && Problems.english(headers.getAcceptableLanguages());
        String instance = uri == null ? null : uri.getRequestUri().getPath();
        if (t instanceof XasoException x) {
            return xaso(x, en, instance);
        }
        Throwable cause = rootJson(t);
        if (cause instanceof JsonProcessingException j) {
            boolean limit = cause instanceof StreamConstraintsException;
            String where = j.getLocation() == null ? "" : " (dòng " + j.getLocation().getLineNr() + ", cột "
                    + j.getLocation().getColumnNr() + ")";
            String whereEn = j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")";
            return Problems.response(400, Problems.body(400, limit ? "json-too-large" : "malformed-json",
                    "JSON không hợp lệ", "Malformed JSON",
                    (limit ? "JSON vượt giới hạn cho phép" : "Nội dung JSON không đọc được") + where,
                    (limit ? "the JSON exceeds a limit: " : "the JSON cannot be read: ")
                            + j.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^]]*\\]\\)", "")
                            .lines().findFirst().orElse("") + whereEn,
                    en, instance));
        }
        if (t instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            String vi = switch (status) {
                case 404 -> "Không có tài nguyên này trong API";
                case 405 -> "Phương thức HTTP không được hỗ trợ ở địa chỉ này";
                case 406 -> "Không trả được định dạng yêu cầu (hãy nhận application/json)";
                case 413 -> "Nội dung gửi lên quá lớn";
                case 415 -> "Kiểu nội dung không được hỗ trợ (hãy gửi application/json)";
                default -> "Yêu cầu không hợp lệ";
            };
            String enMsg = switch (status) {
                case 404 -> "No such resource in the API";
                case 405 -> "Method not allowed here";
                case 406 -> "Cannot produce the requested type (accept application/json)";
                case 413 -> "Request body too large";
                case 415 -> "Unsupported media type (send application/json)";
                default -> "Bad request";
            };
            Response.ResponseBuilder rb = Response.status(status).type(Problems.MEDIA_TYPE).entity(
                    Problems.body(status, "http-" + status, vi, enMsg, vi, enMsg, en, instance));
            if (w.getResponse().getHeaderString("Allow") != null) {
                rb.header("Allow", w.getResponse().getHeaderString("Allow"));
            }
            return rb.build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {} on {}: {}", incident, instance, t.toString(), t);
        Map<String, Object> body = Problems.body(500, "internal-error", "Lỗi máy chủ", "Server error",
                "Máy chủ gặp lỗi; mã sự cố " + incident + " đã được ghi vào nhật ký",
                "The server failed; incident " + incident + " is in its log", en, instance);
        body.put("incident", incident);
        return Problems.response(500, body);
    }

    private static Throwable rootJson(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException) {
                return c;
            }
        }
        return null;
    }

    static Response xaso(XasoException x, boolean en, String instance) {
        int status;
        Map<String, Object> extra = new LinkedHashMap<>();
        String titleVi;
        String titleEn;
        if (x instanceof ValidationException v) {
            status = v.location() == ValidationException.Location.QUERY ? 400 : 422;
            titleVi = status == 400 ? "Tham số yêu cầu không hợp lệ" : "Dữ liệu không hợp lệ";
            titleEn = status == 400 ? "Invalid request parameters" : "Invalid data";
            extra.put("errors", Problems.errors(v.violations()));
        } else if (x instanceof CommuneGoneException g) {
            status = 410;
            titleVi = "Đơn vị hành chính không còn tồn tại";
            titleEn = "Administrative unit no longer exists";
            extra.put("unit", unit(g.unit()));
            extra.put("successors", g.successors().stream().map(ProblemMapper::unit).toList());
        } else if (x instanceof NotFoundException) {
            status = 404;
            titleVi = "Không tìm thấy";
            titleEn = "Not found";
        } else if (x instanceof ConflictException c) {
            status = 409;
            titleVi = "Xung đột dữ liệu";
            titleEn = "Conflict";
            if (c.currentVersion() != null) {
                extra.put("currentVersion", c.currentVersion());
            }
        } else if (x instanceof AccessDeniedException) {
            status = 403;
            titleVi = "Không có quyền";
            titleEn = "Forbidden";
        } else if (x instanceof UnavailableException) {
            status = 503;
            titleVi = "Dịch vụ tạm thời không sẵn sàng";
            titleEn = "Service unavailable";
        } else {
            status = 400;
            titleVi = "Yêu cầu không hợp lệ";
            titleEn = "Bad request";
        }
        Map<String, Object> body = Problems.body(status, x.problemCode(), titleVi, titleEn, x.messageVi(),
                x.getMessage(), en, instance);
        body.putAll(extra);
        Response.ResponseBuilder rb = Response.status(status).type(Problems.MEDIA_TYPE).entity(body);
        if (status == 503) {
            rb.header("Retry-After", "30");
        }
        return rb.build();
    }

    private static Map<String, Object> unit(AdminUnit u) {
        return Views.unit(u, List.of(), List.of());
    }
}
