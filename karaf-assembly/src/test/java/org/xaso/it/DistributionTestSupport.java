package org.xaso.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.features.FeaturesService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.osgi.framework.BundleContext;

/**
 * Boots the real Xã Số distribution (the tar.gz built by this module) on its own ports and talks to it over HTTP,
 * as province IT, officers and agencies would.
 */
public abstract class DistributionTestSupport {

    protected static final int HTTP_PORT = 18181;
    protected static final String API = "http://127.0.0.1:" + HTTP_PORT + "/api/v1";
    protected static final String SOAP = "http://127.0.0.1:" + HTTP_PORT + "/api/soap/RegisterService";
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        String dist = System.getProperty("xaso.distribution");
        List<Option> o = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(dist).toURI().toString())
                        .unpackDirectory(new File("target/exam"))
                        .karafVersion(System.getProperty("karaf.version"))
                        .name("Xã Số")
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevelOption.LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44445"),
                editConfigurationFilePut("etc/org.xaso.routes.import.cfg", "pollDelayMillis", "500"),
                editConfigurationFilePut("etc/org.xaso.camel.cfg", "scanIntervalSeconds", "1")));
        o.addAll(Arrays.asList(extraOptions()));
        return options(o.toArray(new Option[0]));
    }

    /** Further options of a test class. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** The distribution's folder inside the running Karaf. */
    protected static Path karafBase() {
        return Paths.get(System.getProperty("karaf.base"));
    }

    // ------------------------------------------------------------------ HTTP

    /** An HTTP answer. */
    protected record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    protected Answer send(String method, String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A binary answer (spreadsheet downloads). */
    protected record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    protected Download download(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Uploads a file as a browser form does: multipart/form-data with the file in part "file". */
    protected Answer upload(String path, String fileName, byte[] content, String mode) {
        String boundary = "xaso-it-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            if (mode != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n" + mode + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected Answer get(String path) {
        return send("GET", API + path, null, null, Map.of());
    }

    protected Answer post(String path, String json) {
        return send("POST", API + path, "application/json", json, Map.of());
    }

    protected Answer put(String path, String json, String ifMatch) {
        return send("PUT", API + path, "application/json", json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    protected Answer delete(String path) {
        return send("DELETE", API + path, null, null, Map.of());
    }

    protected Answer soap(String bodyXml) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:x=\"urn:xaso:register:v1\"><soapenv:Body>" + bodyXml + "</soapenv:Body></soapenv:Envelope>";
        return send("POST", SOAP, "text/xml; charset=UTF-8", envelope, Map.of("SOAPAction", "\"\""));
    }

    /** Checks a 4xx answer is an RFC 7807 problem with the given status. */
    protected JsonNode problem(Answer a, int status) {
        assertEquals(a.body(), status, a.status());
        assertEquals("application/problem+json", a.header("Content-Type").split(";")[0]);
        JsonNode p = a.json();
        assertEquals(status, p.get("status").asInt());
        return p;
    }

    /** Waits until the condition holds, failing with the message after the timeout. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        fail("timed out waiting for " + what);
    }

    /** Waits until the REST API answers and the given register is deployed. */
    protected void awaitRegister(String register) {
        await("register " + register + " over REST", Duration.ofSeconds(120), () -> get("/registers/" + register).status() == 200);
    }
}
