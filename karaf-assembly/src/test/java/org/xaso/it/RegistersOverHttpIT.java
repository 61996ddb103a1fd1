package org.xaso.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution as officers and agencies use it: registers, communes, records over REST (create, search with
 * Vietnamese text, statistics, versions, soft delete, problems), SOAP, OpenAPI and demo data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistersOverHttpIT extends DistributionTestSupport {

    private static final String HOUSEHOLDS = "/communes/27793/registers/farming-household/records";

    @Before
    public void ready() {
        awaitRegister("farming-household");
    }

    @Test
    public void registersAndTheirDescriptorsAreServed() {
        JsonNode list = get("/registers").json();
        Set<String> ids = new HashSet<>();
        list.get("items").forEach(r -> ids.add(r.get("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(Set.of("farming-household", "cooperative", "crop-status")));
        JsonNode d = get("/registers/farming-household").json();
        assertEquals("Hộ canh tác", d.get("nameVi").asText());
        JsonNode head = null;
        for (JsonNode f : d.get("fields")) {
            if (f.get("name").asText().equals("headName")) {
                head = f;
            }
            assertTrue(f.toString(), f.hasNonNull("labelVi") && f.hasNonNull("labelEn") && f.hasNonNull("type"));
        }
        assertNotNull(head);
        assertEquals("Họ và tên chủ hộ", head.get("labelVi").asText());
        assertEquals(true, head.get("required").asBoolean());
        assertEquals(100, head.get("constraints").get("maxLength").asInt());
        problem(get("/registers/no-such-register"), 404);
    }

    @Test
    public void communesHaveTheirHistoryAndGoneOnesNameTheirSuccessor() {
        JsonNode units = get("/communes").json();
        boolean phuong1 = false;
        boolean kienTuong = false;
        for (JsonNode u : units.get("items")) {
            phuong1 |= u.get("code").asText().equals("27787") && u.get("name").asText().equals("Phường 1");
            kienTuong |= u.get("code").asText().equals("27787") && u.get("name").asText().equals("Phường Kiến Tường");
        }
        assertTrue(phuong1 && kienTuong);
        JsonNode gone = problem(get("/communes/27805/registers/farming-household/records"), 410);
        assertEquals("27817", gone.get("successors").get(0).get("code").asText());
        assertTrue(gone.get("detail").asText().contains("Xã Tuyên Thạnh (27817)"));
        problem(get("/communes/99999/registers/farming-household/records"), 404);
    }

    @Test
    public void aHouseholdIsCreatedFoundWithoutDiacriticsCountedUpdatedAndDeleted() throws Exception {
        String name = Normalizer.normalize("Đặng Thị Phượng Hằng", Normalizer.Form.NFD);
        Answer created = post(HOUSEHOLDS, "{\"data\":{\"headName\":\"" + name + "\",\"headCitizenId\":\"080190045678\","
                + "\"hamlet\":\"Ấp 2\",\"farmingType\":\"Trồng trọt\",\"memberCount\":5,\"totalLandArea\":\"8.500,5\"}}");
        assertEquals(created.body(), 201, created.status());
        JsonNode r = created.json();
        String id = r.get("id").asText();
        assertEquals("Đặng Thị Phượng Hằng", r.get("data").get("headName").asText());
        assertEquals("AP02", r.get("data").get("hamlet").asText());
        assertEquals("Ấp 2", r.get("labels").get("hamlet").asText());
        assertEquals("\"1\"", created.header("ETag"));

        JsonNode found = get(HOUSEHOLDS + "?q=dang%20thi%20phuong%20hang").json();
        assertEquals(1, found.get("total").asInt());
        assertEquals(id, found.get("items").get(0).get("id").asText());
        assertEquals(1, get(HOUSEHOLDS + "?headName=phuong%20hang&hamlet=AP02").json().get("total").asInt());

        JsonNode stats = get("/communes/27793/registers/farming-household/stats?groupBy=hamlet&measure=sum:totalLandArea").json();
        boolean seen = false;
        for (JsonNode row : stats.get("rows")) {
            if (row.get("keys").get("hamlet").asText().equals("AP02")) {
                seen = true;
                assertEquals("Ấp 2", row.get("labels").get("hamlet").asText());
                assertTrue(row.get("count").asInt() >= 1);
                assertTrue(row.get("values").get("sum:totalLandArea").asDouble() >= 8500.5);
            }
        }
        assertTrue(stats.toString(), seen);

        String update = "{\"data\":{\"headName\":\"Đặng Thị Phượng Hằng\",\"headCitizenId\":\"080190045678\","
                + "\"hamlet\":\"AP02\",\"farmingType\":\"trong-trot\",\"memberCount\":6}}";
        Answer v2 = put(HOUSEHOLDS + "/" + id, update, "\"1\"");
        assertEquals(v2.body(), 200, v2.status());
        assertEquals(2, v2.json().get("version").asInt());
        JsonNode stale = problem(put(HOUSEHOLDS + "/" + id, update.replace("6}", "7}"), "\"1\""), 409);
        assertEquals(2, stale.get("currentVersion").asInt());
        problem(put(HOUSEHOLDS + "/" + id, update, null), 422);

        problem(delete(HOUSEHOLDS + "/" + id), 400);
        Answer deleted = delete(HOUSEHOLDS + "/" + id + "?reason=H%E1%BB%99%20chuy%E1%BB%83n%20%C4%91i");
        assertEquals(deleted.body(), 200, deleted.status());
        assertEquals("Hộ chuyển đi", deleted.json().get("deleted").get("reason").asText());
        problem(get(HOUSEHOLDS + "/" + id), 404);
        assertEquals(0, get(HOUSEHOLDS + "?q=dang%20thi%20phuong%20hang").json().get("total").asInt());
    }

    @Test
    public void badInputGetsProblemsNamingEachFieldAndWritesNothing() {
        int before = get(HOUSEHOLDS + "?limit=0").json().get("total").asInt();
        JsonNode p = problem(post(HOUSEHOLDS, "{\"data\":{\"headName\":\"A\",\"headCitizenId\":\"123\",\"memberCount\":\"năm\","
                + "\"hamlet\":\"Ấp 99\",\"colour\":\"đỏ\"}}"), 422);
        Set<String> fields = new HashSet<>();
        p.get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            assertTrue(e.hasNonNull("message") && e.hasNonNull("messageEn"));
        });
        assertEquals(Set.of("headCitizenId", "memberCount", "hamlet", "colour", "farmingType"), fields);
        problem(post(HOUSEHOLDS, "{\"data\": {"), 400);
        problem(post(HOUSEHOLDS, "[1,2]"), 400);
        problem(send("POST", API + HOUSEHOLDS, "text/plain", "x", java.util.Map.of()), 415);
        problem(get(HOUSEHOLDS + "?headname=x"), 400);
        problem(get(HOUSEHOLDS + "/not-a-uuid"), 400);
        problem(get("/communes/27793/registers/farming-household/stats?groupBy=headName"), 400);
        assertEquals(before, get(HOUSEHOLDS + "?limit=0").json().get("total").asInt());
    }

    @Test
    public void soapAgenciesSearchCreateAndGetFaultsNamingTheField() {
        Answer wsdl = send("GET", SOAP + "?wsdl", null, null, java.util.Map.of());
        assertEquals(200, wsdl.status());
        assertTrue(wsdl.body().contains("searchRecords") && wsdl.body().contains("createRecord"));

        Answer created = soap("<x:createRecord><x:registerId>farming-household</x:registerId><x:communeCode>27793</x:communeCode>"
                + "<x:field name=\"headName\">Lâm Văn Soạn</x:field><x:field name=\"headCitizenId\">080088012345</x:field>"
                + "<x:field name=\"hamlet\">Ấp 3</x:field><x:field name=\"farmingType\">trong-trot</x:field></x:createRecord>");
        assertEquals(created.body(), 200, created.status());
        assertTrue(created.body(), created.body().contains("Lâm Văn Soạn"));

        Answer found = soap("<x:searchRecords><x:registerId>farming-household</x:registerId><x:communeCode>27793</x:communeCode>"
                + "<x:criterion name=\"q\">lam van soan</x:criterion></x:searchRecords>");
        assertEquals(200, found.status());
        assertTrue(found.body(), found.body().contains("<total>1</total>") && found.body().contains("080088012345"));

        Answer fault = soap("<x:createRecord><x:registerId>farming-household</x:registerId><x:communeCode>27793</x:communeCode>"
                + "<x:field name=\"headName\">X</x:field><x:field name=\"headCitizenId\">12</x:field></x:createRecord>");
        assertEquals(500, fault.status());
        assertTrue(fault.body(), fault.body().contains("<faultcode>soap:Client</faultcode>"));
        assertTrue(fault.body(), fault.body().contains("field=\"headCitizenId\"") && fault.body().contains("<status>422</status>"));

        Answer gone = soap("<x:getRecord><x:registerId>farming-household</x:registerId><x:communeCode>27805</x:communeCode>"
                + "<x:id>00000000-0000-0000-0000-000000000000</x:id></x:getRecord>");
        assertTrue(gone.body(), gone.body().contains("<status>410</status>") && gone.body().contains("code=\"27817\""));
    }

    @Test
    public void openApiAndSwaggerUiDescribeTheDeployedRegisters() {
        JsonNode doc = get("/openapi.json").json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertTrue(doc.get("paths").has("/communes/{code}/registers/farming-household/records"));
        assertTrue(doc.get("components").get("schemas").get("FarmingHouseholdData").get("properties").has("headCitizenId"));
        Answer ui = get("/docs/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger-ui-bundle.js"));
        assertEquals(200, get("/docs/swagger-ui-bundle.js").status());
    }

    @javax.inject.Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessions;

    private String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session s = sessions.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
        s.execute(command);
        s.close();
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    public void provinceItHasConsoleCommands() throws Exception {
        String registers = shell("xaso:registers");
        assertTrue(registers, registers.contains("farming-household") && registers.contains("Hộ canh tác"));
        String communes = shell("xaso:communes -a");
        assertTrue(communes, communes.contains("Phường Kiến Tường") && communes.contains("Phường 2")
                && communes.contains("Xã Bình Hiệp (27793)"));
        Answer hamlet = post("/communes/27787/hamlets", "{\"code\":\"KP-IT\",\"name\":\"Khu phố Thử nghiệm\"}");
        assertEquals(hamlet.body(), 201, hamlet.status());
        problem(post("/communes/27787/hamlets", "{\"code\":\"KP-IT\",\"name\":\"Lần hai\"}"), 409);
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("ho", ".csv");
        java.nio.file.Files.writeString(csv, "headName,headCitizenId,hamlet,farmingType\nChâu Văn Shell,080071066666,"
                + "khu pho thu nghiem,thuy-san\n");
        String imported = shell("xaso:import 27787 farming-household " + csv);
        assertTrue(imported, imported.contains("1 tạo mới"));
        assertEquals(1, get("/communes/27787/registers/farming-household/records?q=chau%20van%20shell").json().get("total").asInt());
        String refused = shell("xaso:import 27805 farming-household " + csv);
        assertTrue(refused, refused.contains("27817"));
    }

    @Test
    public void demoDataIsLoadedMarkedAsDemo() {
        await("demo data", java.time.Duration.ofSeconds(90),
                () -> get("/communes/27793/registers/crop-status/records?source=demo&limit=0").json().get("total").asInt() >= 40);
        assertTrue(get(HOUSEHOLDS + "?source=demo&limit=0").json().get("total").asInt() >= 40);
        JsonNode one = get(HOUSEHOLDS + "?source=demo&limit=1").json().get("items").get(0);
        assertEquals("demo", one.get("source").asText());
        assertTrue(get("/communes/27793/hamlets").json().get("total").asInt() >= 6);
    }
}
