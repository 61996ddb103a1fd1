package org.xaso.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.xaso.camel.api.RouteFiles;

/**
 * What province IT and integrators do at run time: drop a CSV into the import folder, drop a YAML route into the
 * routes folder, and uninstall and reinstall a register feature without restart and without losing data or
 * restarting the platform.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployAndRoutesIT extends DistributionTestSupport {

    private static final String HOUSEHOLDS = "/communes/27817/registers/farming-household/records";

    @Before
    public void ready() {
        awaitRegister("farming-household");
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> out = new ArrayList<>(s.map(p -> p.getFileName().toString()).toList());
            out.sort(null);
            return out;
        }
    }

    private static List<String> quietly(Path dir) {
        try {
            return names(dir);
        } catch (Exception e) {
            return List.of();
        }
    }

    @Test
    public void aCsvDroppedInTheImportFolderIsImportedOnceAndReported() throws Exception {
        Path folder = karafBase().resolve("import/27817/farming-household");
        Files.createDirectories(folder);
        String csv = "\uFEFFHọ và tên chủ hộ,Số định danh cá nhân chủ hộ,Ấp/khu phố,Loại hình sản xuất chính,Số nhân khẩu\r\n"
                + "Huỳnh Văn Tám,080064011111,Ấp 1,Trồng trọt,4\r\n"
                + "\"Lý Thị Chín\",080173022222,AP02,chan-nuoi,3\r\n";
        Files.writeString(folder.resolve("ho-canh-tac-2026.csv"), csv, StandardCharsets.UTF_8);
        Path done = folder.resolve("done");
        await("the file in done/", Duration.ofSeconds(60), () -> quietly(done).size() == 2);
        List<String> files = names(done);
        assertTrue(files.toString(), files.get(0).endsWith("-ho-canh-tac-2026.csv") && files.get(1).endsWith(".report.csv"));
        assertTrue(Files.readString(done.resolve(files.get(1))).contains("2 tạo mới"));
        assertEquals(1, get(HOUSEHOLDS + "?q=huynh%20van%20tam").json().get("total").asInt());
        JsonNode chin = get(HOUSEHOLDS + "?headCitizenId=080173022222").json().get("items").get(0);
        assertEquals("import:ho-canh-tac-2026.csv", chin.get("source").asText());

        // the same file again: nothing duplicated
        Files.writeString(folder.resolve("ho-canh-tac-2026.csv"), csv, StandardCharsets.UTF_8);
        await("the second copy in done/", Duration.ofSeconds(60), () -> quietly(done).size() == 4);
        assertEquals(1, get(HOUSEHOLDS + "?q=huynh%20van%20tam").json().get("total").asInt());
        String second = Files.readString(done.resolve(names(done).get(3)));
        assertTrue(second, second.contains("2 không đổi"));

        // a file with a bad row: nothing written, the file goes to error/ with the row named
        String bad = "headName,headCitizenId,hamlet,farmingType\nNgô Văn Mười,080050033333,AP01,trong-trot\n"
                + "Đinh Thị Một,12345,AP01,trong-trot\n";
        Files.writeString(folder.resolve("loi.csv"), bad, StandardCharsets.UTF_8);
        Path error = folder.resolve("error");
        await("the file in error/", Duration.ofSeconds(60), () -> quietly(error).size() == 2);
        String report = Files.readString(error.resolve(names(error).get(1)));
        assertTrue(report, report.contains("\"3\"") && report.contains("headCitizenId") && report.contains("12 chữ số"));
        assertEquals(0, get(HOUSEHOLDS + "?q=ngo%20van%20muoi").json().get("total").asInt());
    }

    @Test
    public void aYamlRouteDroppedInTheRoutesFolderRunsIsReloadedAndRemoved() throws Exception {
        RouteFiles files = bundleContext.getService(bundleContext.getServiceReference(RouteFiles.class));
        CamelContext camel = bundleContext.getService(bundleContext.getServiceReference(CamelContext.class));
        Path routes = karafBase().resolve("routes");
        String yaml = """
                - route:
                    id: it-create-household
                    from:
                      uri: timer:it-create-household
                      parameters:
                        repeatCount: 1
                      steps:
                        - setBody:
                            expression:
                              constant:
                                expression: '{"headName": "Tạ Văn Yaml", "headCitizenId": "080077044444", "hamlet": "AP03", "farmingType": "trong-trot"}'
                        - unmarshal:
                            json:
                              library: Jackson
                        - bean:
                            ref: xasoRecords
                            method: "create('farming-household', '27817', ${body})"
                """;
        Files.writeString(routes.resolve("it-create.yaml"), yaml, StandardCharsets.UTF_8);
        await("the record created by the YAML route", Duration.ofSeconds(60),
                () -> get(HOUSEHOLDS + "?q=ta%20van%20yaml").json().path("total").asInt() == 1);
        assertTrue(files.files().stream().anyMatch(f -> f.name().equals("it-create.yaml")
                && f.status() == RouteFiles.Status.LOADED && f.routeIds().contains("it-create-household")));

        Files.delete(routes.resolve("it-create.yaml"));
        await("the route removed", Duration.ofSeconds(30), () -> camel.getRoute("it-create-household") == null);

        Files.writeString(routes.resolve("it-broken.yaml"), """
                - route:
                    id: it-broken-1
                    from:
                      uri: timer:it-broken
                      steps:
                        - log: "ok"
                - route:
                    id: it-broken-2
                    from:
                      uri: nosuchscheme:x
                      steps:
                        - log: "never"
                """, StandardCharsets.UTF_8);
        await("the broken file refused", Duration.ofSeconds(30), () -> files.files().stream()
                .anyMatch(f -> f.name().equals("it-broken.yaml") && f.status() == RouteFiles.Status.REJECTED));
        assertTrue("no route of a refused file runs", camel.getRoute("it-broken-1") == null && camel.getRoute("it-broken-2") == null);
        Files.delete(routes.resolve("it-broken.yaml"));
    }

    @Test
    public void uninstallingARegisterFeatureAnswers404AndReinstallingBringsEveryRecordBack() throws Exception {
        Answer created = post(HOUSEHOLDS, "{\"data\":{\"headName\":\"Phó Đức Bền\",\"headCitizenId\":\"080066055555\","
                + "\"hamlet\":\"AP04\",\"farmingType\":\"hon-hop\",\"totalLandArea\":4321}}");
        assertEquals(created.body(), 201, created.status());
        JsonNode before = created.json();
        String id = before.get("id").asText();

        Set<String> platform = Set.of("org.xaso.camel", "org.xaso.engine", "org.xaso.rest", "org.xaso.soap",
                "org.xaso.units", "org.apache.cxf.cxf-core", "org.apache.cxf.cxf-rt-frontend-jaxrs",
                "com.fasterxml.jackson.core.jackson-databind", "org.eclipse.persistence.jpa");
        List<String> stopped = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = e -> {
            if (e.getType() == BundleEvent.STOPPED && platform.contains(e.getBundle().getSymbolicName())) {
                stopped.add(e.getBundle().getSymbolicName());
            }
        };
        bundleContext.addBundleListener(listener);
        try {
            features.uninstallFeature("xaso-register-agriculture", EnumSet.noneOf(FeaturesService.Option.class));
            JsonNode p = problem(get(HOUSEHOLDS + "/" + id), 404);
            assertEquals("register-not-found", p.get("code").asText());
            problem(get("/registers/farming-household"), 404);
            problem(post(HOUSEHOLDS, "{\"data\":{}}"), 404);
            Answer soapGone = soap("<x:getRecord><x:registerId>farming-household</x:registerId><x:communeCode>27817"
                    + "</x:communeCode><x:id>" + id + "</x:id></x:getRecord>");
            assertTrue(soapGone.body(), soapGone.body().contains("<status>404</status>"));
            for (Bundle b : bundleContext.getBundles()) {
                assertTrue("register bundle gone", !"org.xaso.register.agriculture".equals(b.getSymbolicName()));
            }

            long start = System.nanoTime();
            features.installFeature("xaso-register-agriculture", EnumSet.noneOf(FeaturesService.Option.class));
            await("the register back", Duration.ofSeconds(60), () -> get(HOUSEHOLDS + "/" + id).status() == 200);
            System.out.printf("feature:install xaso-register-agriculture to first answer: %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            bundleContext.removeBundleListener(listener);
        }
        JsonNode after = get(HOUSEHOLDS + "/" + id).json();
        assertEquals(before.get("version"), after.get("version"));
        assertEquals(before.get("data"), after.get("data"));
        assertEquals(before.get("audit"), after.get("audit"));
        assertEquals("no platform bundle was restarted: " + stopped, List.of(), stopped);
    }
}
