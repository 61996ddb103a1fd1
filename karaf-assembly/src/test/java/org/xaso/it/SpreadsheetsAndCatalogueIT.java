package org.xaso.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The 88 registers of Appendix IV in the distribution, and what officers do with spreadsheets: export a search,
 * import it back as an upload, download templates and reports, extend a code list, compute the IT summary.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SpreadsheetsAndCatalogueIT extends DistributionTestSupport {

    private static final String COMMUNE = "/communes/27793";
    private static final String HOUSEHOLDS = COMMUNE + "/registers/farming-household";

    @Before
    public void ready() {
        awaitRegister("it-application-summary");
        awaitRegister("farming-household");
        await("demo data", java.time.Duration.ofSeconds(120),
                () -> get(HOUSEHOLDS + "/records?source=demo&limit=0").json().get("total").asInt() >= 20
                        && get(COMMUNE + "/registers/crop-status/records?source=demo&limit=0").json().get("total").asInt() >= 20);
    }

    @Test
    public void allEightyEightRegistersOfTheEightDomainsAnswerOverRestAndSoap() {
        JsonNode list = get("/registers").json();
        assertEquals(88, list.get("total").asInt());
        Set<String> domains = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode r : list.get("items")) {
            String id = r.get("id").asText();
            domains.add(r.get("domain").asText());
            Answer rest = get(COMMUNE + "/registers/" + id + "/records?limit=1");
            if (rest.status() != 200 || !rest.json().has("total")) {
                failures.add("REST " + id + ": " + rest.status() + " " + rest.body());
            }
            Answer soap = soap("<x:searchRecords><x:registerId>" + id + "</x:registerId><x:communeCode>27793</x:communeCode>"
                    + "<x:criterion name=\"limit\">1</x:criterion></x:searchRecords>");
            if (soap.status() != 200 || !soap.body().contains("<total>")) {
                failures.add("SOAP " + id + ": " + soap.status() + " " + soap.body());
            }
        }
        assertTrue(failures.toString(), failures.isEmpty());
        assertEquals(Set.of("agriculture", "commerce", "land-environment", "urban", "investment", "finance",
                "culture-society", "internal-affairs"), domains);
    }

    @Test
    public void aSearchExportsToExcelAndCsvAndImportsBackWithoutDuplicates() {
        Download xlsx = download(HOUSEHOLDS + "/records?format=xlsx&source=demo");
        assertEquals(200, xlsx.status());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.header("Content-Type"));
        assertTrue(xlsx.header("Content-Disposition"), xlsx.header("Content-Disposition").contains(".xlsx"));
        assertTrue("a zip (xlsx) file", xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');

        Download csv = download(HOUSEHOLDS + "/records?format=csv&source=demo");
        assertEquals(200, csv.status());
        assertTrue(csv.text(), csv.text().startsWith("\uFEFF") && csv.text().contains("Họ và tên chủ hộ"));
        int demoRows = get(HOUSEHOLDS + "/records?source=demo&limit=0").json().get("total").asInt();
        assertEquals(demoRows + 1, csv.text().split("\r\n").length);

        Answer back = upload(HOUSEHOLDS + "/imports", "xuat.xlsx", xlsx.body(), "all-or-nothing");
        assertEquals(back.body(), 200, back.status());
        assertEquals(demoRows, back.json().get("unchanged").asInt());
        assertEquals(0, back.json().get("created").asInt());
        assertEquals(demoRows, get(HOUSEHOLDS + "/records?source=demo&limit=0").json().get("total").asInt());

        // a register read from the national population database: not typed, but its spreadsheet imports
        String residents = COMMUNE + "/registers/resident";
        await("demo residents", java.time.Duration.ofSeconds(120),
                () -> get(residents + "/records?source=demo&limit=0").json().get("total").asInt() >= 20);
        Download people = download(residents + "/records?format=xlsx");
        assertEquals(200, people.status());
        Answer sync = upload(residents + "/imports", "dan-cu.xlsx", people.body(), null);
        assertEquals(sync.body(), 200, sync.status());
        assertEquals(0, sync.json().get("created").asInt());
        problem(post(residents + "/records", "{\"data\":{\"fullName\":\"Nhập Tay\"}}"), 403);

        problem(get(HOUSEHOLDS + "/records?format=pdf"), 400);
        problem(get(HOUSEHOLDS + "/records?format=xlsx&noSuchField=1"), 400);
    }

    @Test
    public void uploadsWithBadRowsOrBadFilesAreRefusedByRowAndWriteNothing() {
        String csv = "Họ và tên chủ hộ,Số định danh cá nhân chủ hộ,Ấp/khu phố,Loại hình sản xuất chính\n"
                + "Đỗ Văn Tải Lên,080090077777,Ấp 1,trong-trot\n"
                + "Hồ Thị Sai,12345,Ấp 1,trong-trot\n";
        Answer refused = upload(HOUSEHOLDS + "/imports", "ho-moi.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        JsonNode p = problem(refused, 422);
        assertEquals(false, p.get("committed").asBoolean());
        JsonNode e = p.get("errors").get(0);
        assertEquals(3, e.get("row").asInt());
        assertTrue(e.toString(), e.get("field").asText().contains("headCitizenId"));
        assertEquals(0, get(HOUSEHOLDS + "/records?q=do%20van%20tai%20len&limit=0").json().get("total").asInt());

        Answer partial = upload(HOUSEHOLDS + "/imports", "ho-moi.csv", csv.getBytes(StandardCharsets.UTF_8), "valid-rows-only");
        assertEquals(partial.body(), 200, partial.status());
        assertEquals(1, partial.json().get("created").asInt());
        assertEquals(1, partial.json().get("rejected").asInt());
        assertEquals(1, get(HOUSEHOLDS + "/records?q=do%20van%20tai%20len&limit=0").json().get("total").asInt());

        JsonNode renamed = problem(upload(HOUSEHOLDS + "/imports", "bao-cao.xlsx", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), null), 422);
        assertEquals("unreadable-file", renamed.get("errors").get(0).get("code").asText());
        problem(upload(HOUSEHOLDS + "/imports", "ho.csv", csv.getBytes(StandardCharsets.UTF_8), "half"), 422);
        problem(upload("/communes/27793/registers/no-such-register/imports", "ho.csv", new byte[] {'a'}, null), 404);
    }

    @Test
    public void templatesAndShippedReportsDownload() {
        Download template = download("/registers/farming-household/template.xlsx");
        assertEquals(200, template.status());
        assertTrue(template.body()[0] == 'P' && template.body()[1] == 'K');
        Download csvTemplate = download("/registers/farming-household/template.csv");
        assertTrue(csvTemplate.text(), csvTemplate.text().startsWith("\uFEFF") && csvTemplate.text().contains("Họ và tên chủ hộ *"));
        problem(get("/registers/farming-household/template.pdf"), 400);

        JsonNode reports = get(COMMUNE + "/registers/crop-status/reports").json();
        assertTrue(reports.toString(), reports.get("items").size() >= 3);
        String reportId = reports.get("items").get(0).get("id").asText();
        JsonNode report = get(COMMUNE + "/registers/crop-status/reports/" + reportId).json();
        assertTrue(report.toString(), report.get("total").asInt() >= 20 && report.get("rows").size() > 0);
        Download xlsx = download(COMMUNE + "/registers/crop-status/reports/" + reportId + "?format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.body()[0] == 'P');
        Download stats = download(HOUSEHOLDS + "/stats?groupBy=hamlet&format=csv");
        assertTrue(stats.text(), stats.text().contains("Tổng cộng"));
        problem(get(COMMUNE + "/registers/crop-status/reports/no-such-report"), 404);
        problem(get(COMMUNE + "/registers/crop-status/reports/" + reportId + "?groupBy=hamlet"), 400);
    }

    @Test
    public void codeListsAreExtendedAtRunTimeWithoutARelease() {
        JsonNode lists = get("/codelists").json();
        assertTrue(lists.get("total").asInt() > 100);
        Answer added = post("/codelists/crop-kind/values", "{\"code\":\"ca-cao-it\",\"labelVi\":\"Ca cao\",\"labelEn\":\"Cocoa\","
                + "\"reason\":\"tỉnh bổ sung\"}");
        assertEquals(added.body(), 201, added.status());
        boolean offered = false;
        for (JsonNode f : get("/registers/crop-status").json().get("fields")) {
            if (f.get("name").asText().equals("cropKind")) {
                for (JsonNode v : f.get("values")) {
                    offered |= v.get("code").asText().equals("ca-cao-it");
                }
            }
        }
        assertTrue("the register offers the new value at once", offered);
        problem(post("/codelists/crop-kind/values", "{\"code\":\"ca-cao-it\",\"labelVi\":\"Ca cao 2\"}"), 409);
        problem(post("/codelists/crop-kind/values", "{\"code\":\"cà cao\",\"labelVi\":\"Cà cao\"}"), 422);
        problem(post("/codelists/no-such-list/values", "{\"code\":\"x\",\"labelVi\":\"X\"}"), 404);
        Answer retired = put("/codelists/crop-kind/values/ca-cao-it", "{\"active\":false}", null);
        assertEquals(retired.body(), 200, retired.status());
        for (JsonNode v : retired.json().get("values")) {
            if (v.get("code").asText().equals("ca-cao-it")) {
                assertEquals(false, v.get("active").asBoolean());
                assertEquals("local", v.get("origin").asText());
            }
        }
    }

    @Test
    public void theItSummaryIsComputedOnRequestNotTyped() {
        Answer computed = post(COMMUNE + "/registers/it-application-summary/aggregate", null);
        assertEquals(computed.body(), 200, computed.status());
        JsonNode data = computed.json().get("data");
        assertTrue(data.toString(), data.get("recordsTotal").asLong() > 100 && data.get("registersInUse").asInt() > 10);
        assertEquals("aggregate", computed.json().get("source").asText());
        problem(post(COMMUNE + "/registers/it-application-summary/records", "{\"data\":{\"year\":2026,\"month\":1}}"), 403);
        problem(post(COMMUNE + "/registers/it-application-summary/aggregate?month=13&year=2026", null), 400);
        problem(post(HOUSEHOLDS + "/aggregate", null), 409);
    }
}
