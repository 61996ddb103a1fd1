package org.xaso.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xaso.camel.api.RouteFiles;

class YamlRouteFolderTest {

    private static final String GREETING = """
            - route:
                id: greeting
                from:
                  uri: direct:greet
                  steps:
                    - setBody:
                        simple: "Xin chào ${body}"
            """;

    @TempDir
    Path dir;

    private DefaultCamelContext camel;
    private YamlRouteFolder folder;
    private final Object lock = new Object();

    @BeforeEach
    void setUp() {
        camel = new DefaultCamelContext();
        camel.start();
        Clock later = Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC);
        folder = new YamlRouteFolder(camel, dir, lock, getClass().getClassLoader(), later);
    }

    @AfterEach
    void tearDown() {
        camel.stop();
    }

    private void write(String name, String yaml, int secondsAgo) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    private String call(String uri, String body) {
        try (ProducerTemplate t = camel.createProducerTemplate()) {
            return t.requestBody(uri, body, String.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsReloadsAndUnloadsFiles() throws Exception {
        write("greeting.yaml", GREETING, 10);
        folder.scan();
        assertThat(camel.getRoute("greeting")).isNotNull();
        assertThat(call("direct:greet", "xã")).isEqualTo("Xin chào xã");
        assertThat(folder.files()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(RouteFiles.Status.LOADED);
            assertThat(f.routeIds()).containsExactly("greeting");
        });

        write("greeting.yaml", GREETING.replace("Xin chào", "Chào mừng"), 5);
        folder.scan();
        assertThat(call("direct:greet", "phường")).isEqualTo("Chào mừng phường");

        Files.delete(dir.resolve("greeting.yaml"));
        folder.scan();
        assertThat(camel.getRoute("greeting")).isNull();
        assertThat(camel.getRoutes()).isEmpty();
        assertThat(folder.files()).isEmpty();
    }

    @Test
    void aBrokenFileIsRejectedWholeAndThePreviousVersionKeepsRunning() throws Exception {
        write("greeting.yaml", GREETING, 10);
        folder.scan();
        String twoRoutesOneBroken = GREETING.replace("Xin chào", "Chào mừng") + """
                - route:
                    id: broken
                    from:
                      uri: nosuchcomponent:anywhere
                      steps:
                        - log: "never"
                """;
        write("greeting.yaml", twoRoutesOneBroken, 5);
        folder.scan();
        assertThat(camel.getRoute("broken")).isNull();
        assertThat(call("direct:greet", "xã")).isEqualTo("Xin chào xã");
        assertThat(folder.files()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(RouteFiles.Status.REJECTED);
            assertThat(f.error()).contains("nosuchcomponent");
            assertThat(f.routeIds()).containsExactly("greeting");
        });
    }

    @Test
    void aNewBrokenFileStartsNothing() throws Exception {
        write("bad.yaml", "- route:\n    from: [this is not\n", 10);
        folder.scan();
        assertThat(camel.getRoutes()).isEmpty();
        assertThat(folder.files()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(RouteFiles.Status.REJECTED));
    }

    @Test
    void halfWrittenFilesWaitForTheNextPass() throws Exception {
        YamlRouteFolder now = new YamlRouteFolder(camel, dir, lock, getClass().getClassLoader(), Clock.systemUTC());
        Files.writeString(dir.resolve("fresh.yaml"), GREETING);
        now.scan();
        assertThat(camel.getRoutes()).isEmpty();
    }
}
