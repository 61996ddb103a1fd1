package org.xaso.routes.importfolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordImporter;

/** The drop-folder route with a stand-in importer: folder naming, moves, reports. */
class ImportFolderRoutesTest extends CamelTestSupport {

    @TempDir
    static Path dir;

    /** What the stand-in importer was asked, and what it answers. */
    record Call(String commune, String register, String file, String content, ImportOptions.Mode mode) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static volatile ImportReport answer;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);

    private final RecordImporter importer = (ctx, register, commune, fileName, in, options) -> {
        if (register.equals("no-such-register")) {
            throw new NotFoundException(NotFoundException.What.REGISTER, register);
        }
        String content;
        try {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CALLS.add(new Call(commune, register, fileName, content, options.mode()));
        assertThat(ctx.channel()).isEqualTo("import");
        return answer;
    };

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new ImportFolderRoutes(importer, dir.toString(), ImportOptions.allOrNothing(), 100, CLOCK).builder();
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    private Path drop(String commune, String register, String name, String content) throws IOException {
        Path folder = dir.resolve(commune).resolve(register);
        Files.createDirectories(folder);
        Path f = folder.resolve(name);
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(10)));
        return f;
    }

    /** The folder's file names, once the expected number is there (Camel moves files after the exchange is done). */
    private static List<String> files(Path folder, int expected) throws Exception {
        for (int i = 0; i < 50 && files(folder).size() < expected; i++) {
            Thread.sleep(100);
        }
        return files(folder);
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<String> out = new ArrayList<>(s.map(p -> p.getFileName().toString()).toList());
            out.sort(null);
            return out;
        }
    }

    @Test
    void goodFilesAreImportedAndMovedToDoneWithAReport() throws Exception {
        CALLS.clear();
        answer = new ImportReport("ho.csv", "ab", 2, 2, 0, 0, 0, true, List.of());
        context.start();
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        drop("27793", "farming-household", "ho.csv", "headName,headCitizenId\nA,080090001234\n");
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(CALLS).singleElement().satisfies(c -> {
            assertThat(c.commune()).isEqualTo("27793");
            assertThat(c.register()).isEqualTo("farming-household");
            assertThat(c.file()).isEqualTo("ho.csv");
            assertThat(c.content()).contains("080090001234");
            assertThat(c.mode()).isEqualTo(ImportOptions.Mode.ALL_OR_NOTHING);
        });
        Path folder = dir.resolve("27793/farming-household");
        assertThat(files(folder.resolve("done"), 2)).containsExactly("20261203-100000-ho.csv", "20261203-100000-ho.csv.report.csv");
        String report = Files.readString(folder.resolve("done/20261203-100000-ho.csv.report.csv"));
        assertThat(report).contains("2 tạo mới").contains("2 created");
        assertThat(files(folder)).containsExactly("done");
    }

    @Test
    void workbooksAreTakenAndOtherFilesLeftAlone() throws Exception {
        CALLS.clear();
        answer = new ImportReport("ho.xlsx", "ab", 1, 1, 0, 0, 0, true, List.of());
        context.start();
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        drop("27787", "farming-household", "ghi-chu.pdf", "%PDF");
        drop("27787", "farming-household", "ho.xlsx", "PK...");
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(CALLS).singleElement().satisfies(c -> assertThat(c.file()).isEqualTo("ho.xlsx"));
        assertThat(files(dir.resolve("27787/farming-household"))).contains("ghi-chu.pdf", "done");
    }

    @Test
    void refusedRowsSendTheFileToErrorWithEachRowInTheReport() throws Exception {
        CALLS.clear();
        answer = new ImportReport("xau.csv", "cd", 2, 0, 0, 0, 1, false, List.of(
                new ImportReport.RowError(3, "Ngày lập hồ sơ (registeredOn)", "not-a-date", "Ngày không hợp lệ", "not a date"),
                new ImportReport.RowError(4, "=cmd|' /C calc'!A0", "x", "=HYPERLINK(\"http://x\")", "y")));
        context.start();
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        drop("27787", "cooperative", "xau.csv", "x\n");
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        Path error = dir.resolve("27787/cooperative/error");
        assertThat(files(error, 2)).containsExactly("20261203-100000-xau.csv", "20261203-100000-xau.csv.report.csv");
        String report = Files.readString(error.resolve("20261203-100000-xau.csv.report.csv"));
        assertThat(report).contains("\"3\",\"Ngày lập hồ sơ (registeredOn)\",\"not-a-date\",\"Ngày không hợp lệ\"");
        assertThat(report).contains("\"'=cmd|' /C calc'!A0\"").contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    }

    @Test
    void unknownRegistersAndMisplacedFilesAreReportedNotLost() throws Exception {
        CALLS.clear();
        answer = new ImportReport("a.csv", "x", 1, 1, 0, 0, 0, true, List.of());
        AdviceWith.adviceWith(context, ImportFolderRoutes.ROUTE_ID, a -> a.mockEndpointsAndSkip("file:*"));
        context.start();
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        drop("27793", "no-such-register", "a.csv", "x\n");
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        List<org.apache.camel.Exchange> sent = context.getEndpoints().stream()
                .filter(e -> e instanceof MockEndpoint).flatMap(e -> ((MockEndpoint) e).getExchanges().stream()).toList();
        assertThat(sent).singleElement().satisfies(x -> {
            assertThat(x.getIn().getHeader(ImportProcessor.OUTCOME)).isEqualTo("error");
            assertThat(x.getIn().getBody(String.class)).contains("register-not-found");
        });
        assertThat(CALLS).isEmpty();
    }

    @Test
    void formulaCellsAreEscaped() {
        assertThat(ImportProcessor.cell("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(ImportProcessor.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ImportProcessor.cell("Bình thường")).isEqualTo("\"Bình thường\"");
    }

}
