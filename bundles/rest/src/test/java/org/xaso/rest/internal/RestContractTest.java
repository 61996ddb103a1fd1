package org.xaso.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.CodeValue;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.PersonalDataClass;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.UnitKind;

/** The JSON contract without a server: problems, OpenAPI, versions. */
class RestContractTest {

    private static RegisterDescriptor register() {
        return RegisterDescriptor.builder("farming-household").names("Hộ canh tác", "Farming households")
                .domain("agriculture", "Nông nghiệp")
                .codeList(new CodeList("crop", "Cây", "Crop", null, List.of(new CodeValue("lua", "Lúa", "Rice"),
                        new CodeValue("cu", "Cũ", "Old", false))))
                .field(FieldDescriptor.builder("headName", FieldType.TEXT).labels("Họ và tên", "Name").required(true)
                        .maxLength(100).searchable(true).personalData(PersonalDataClass.PERSONAL).build())
                .field(FieldDescriptor.builder("area", FieldType.AREA).labels("Diện tích", "Area").measure(true).build())
                .field(FieldDescriptor.builder("crop", FieldType.CODE).labels("Cây", "Crop").codeList("crop").build())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void openApiHasATypedSchemaAndPathsPerRegister() {
        Map<String, Object> doc = OpenApiBuilder.build(List.of(register()), "/api/v1");
        Map<String, Object> paths = map(doc.get("paths"));
        assertThat(paths).containsKeys("/communes/{code}/registers/farming-household/records",
                "/communes/{code}/registers/farming-household/records/{id}", "/communes/{code}/registers/farming-household/stats",
                "/communes/{code}/registers/farming-household/imports", "/communes/{code}/registers/farming-household/reports/{report}",
                "/registers/{registerId}/template.{format}", "/codelists/{listId}/values")
                .doesNotContainKey("/communes/{code}/registers/farming-household/aggregate");
        Map<String, Object> upload = map(map(paths.get("/communes/{code}/registers/farming-household/imports")).get("post"));
        assertThat(map(map(upload.get("requestBody")).get("content"))).containsKey("multipart/form-data");
        Map<String, Object> data = map(map(map(doc.get("components")).get("schemas")).get("FarmingHouseholdData"));
        assertThat(data.get("required")).isEqualTo(List.of("headName"));
        Map<String, Object> props = map(data.get("properties"));
        assertThat(map(props.get("headName"))).containsEntry("type", "string").containsEntry("maxLength", 100);
        assertThat(map(props.get("area"))).containsEntry("type", "number");
        assertThat(map(props.get("crop")).get("enum")).isEqualTo(List.of("lua"));
    }

    @Test
    void errorsBecomeProblemsWithTheRightStatus() {
        Response r = ProblemMapper.xaso(new ValidationException(ValidationException.Location.BODY,
                List.of(new FieldViolation("headName", "required", "Bắt buộc nhập", "is required"))), false, "/x");
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
        Map<String, Object> body = map(r.getEntity());
        assertThat(body).containsEntry("status", 422).containsEntry("code", "validation-failed").containsEntry("instance", "/x");
        assertThat((List<?>) body.get("errors")).singleElement().satisfies(e -> assertThat(map(e))
                .containsEntry("field", "headName").containsEntry("message", "Bắt buộc nhập").containsEntry("messageEn", "is required"));

        assertThat(ProblemMapper.xaso(new ValidationException(ValidationException.Location.QUERY,
                List.of(new FieldViolation("limit", "x", "a", "b"))), true, null).getStatus()).isEqualTo(400);
        assertThat(ProblemMapper.xaso(new NotFoundException(NotFoundException.What.REGISTER, "x"), false, null).getStatus()).isEqualTo(404);
        Response stale = ProblemMapper.xaso(ConflictException.staleVersion(1, 3), true, null);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(map(stale.getEntity())).containsEntry("currentVersion", 3L).containsEntry("title", "Conflict");

        AdminUnit old = new AdminUnit("27805", "Xã Tuyên Thạnh", UnitKind.XA, "795", null, LocalDate.of(2025, 6, 30), null, true, "S1");
        AdminUnit now = new AdminUnit("27817", "Xã Tuyên Thạnh", UnitKind.XA, "80", LocalDate.of(2025, 7, 1), null, null, true, "S2");
        Response gone = ProblemMapper.xaso(new CommuneGoneException(old, List.of(now)), false, null);
        assertThat(gone.getStatus()).isEqualTo(410);
        assertThat((List<?>) map(gone.getEntity()).get("successors")).singleElement()
                .satisfies(s -> assertThat(map(s)).containsEntry("code", "27817"));
    }

    @Test
    void unexpectedFailuresAreA500WithAnIncidentAndNoDetails() {
        Response r = new ProblemMapper().toResponse(new IllegalStateException("secret internals"));
        assertThat(r.getStatus()).isEqualTo(500);
        Map<String, Object> body = map(r.getEntity());
        assertThat(body.get("incident")).isNotNull();
        assertThat(body.toString()).doesNotContain("secret internals");
        assertThat(new ProblemMapper().toResponse(new NotAllowedException("GET")).getStatus()).isEqualTo(405);
    }

    @Test
    void versionsComeFromIfMatchOrTheBody() {
        assertThat(RecordsResource.version("\"3\"", null)).isEqualTo(3L);
        assertThat(RecordsResource.version("W/\"4\"", 9)).isEqualTo(4L);
        assertThat(RecordsResource.version(null, 5)).isEqualTo(5L);
        assertThat(RecordsResource.version(null, null)).isNull();
        assertThatThrownBy(() -> RecordsResource.version("abc", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RecordsResource.version("0", null)).isInstanceOf(ValidationException.class);
    }
}
