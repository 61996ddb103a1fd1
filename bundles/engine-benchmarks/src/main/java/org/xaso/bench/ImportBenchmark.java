package org.xaso.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.xaso.api.context.CallerContext;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.importer.RecordImporterImpl;

/**
 * Import of a generated .xlsx of farming households through the engine (read, match headers, check every field and
 * the register's hook, natural-key lookups, batched inserts, audit) against raw JDBC batch inserts of the same rows
 * into the same table, in the same run. Run it with -Xmx256m: the heap target is then enforced, and the peak heap
 * use during the import is printed.
 *
 * <pre>java -Xmx256m -cp ... org.xaso.bench.ImportBenchmark [rows]</pre>
 */
public final class ImportBenchmark {

    private static final CallerContext IMPORTER = CallerContext.builder().user("bench").channel("import")
            .purpose("benchmark").allCommunes().build();
    private static final String[] HEADER = {"Mã hộ", "Họ và tên chủ hộ", "Số định danh cá nhân chủ hộ", "Năm sinh chủ hộ",
            "Giới tính chủ hộ", "Ấp/khu phố", "Số nhân khẩu", "Số lao động nông nghiệp", "Loại hình sản xuất chính",
            "Tổng diện tích đất sản xuất", "Diện tích trồng lúa", "Ngày lập hồ sơ"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("xaso-bench-import");
        DataSource ds = BenchSupport.database(dir);
        Engine engine = BenchSupport.engine(ds, Clock.systemUTC());
        RecordImporterImpl importer = new RecordImporterImpl(engine);
        RawInserter raw = new RawInserter(engine.require(BenchSupport.REGISTER).table());

        Path warmFile = dir.resolve("warm.xlsx");
        Path file = dir.resolve("ho-canh-tac.xlsx");
        write(warmFile, 500_000, 2_000);
        write(file, 0, rows);
        System.out.printf("Xã Số import benchmark: %,d rows of %s (%.1f MB .xlsx), %s, max heap %d MiB%n", rows,
                BenchSupport.REGISTER, Files.size(file) / 1e6, BenchSupport.databaseName(),
                Runtime.getRuntime().maxMemory() >> 20);

        // warm-up of both paths (JIT, database caches), on other rows
        importFile(importer, warmFile);
        raw.insert(ds, rawRows(raw, "99998", 500_000, 2_000));

        List<List<Object>> prepared = rawRows(raw, "99999", 0, rows);
        System.gc();
        long t0 = System.nanoTime();
        raw.insert(ds, prepared);
        long rawNanos = System.nanoTime() - t0;
        prepared = null;

        System.gc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long t1 = System.nanoTime();
        ImportReport report = importFile(importer, file);
        long engineNanos = System.nanoTime() - t1;
        long peak = sampler.stopAndPeak();
        if (!report.committed() || report.created() != rows) {
            throw new IllegalStateException("the import did not create every row: " + report.created() + " created, errors "
                    + report.errors().subList(0, Math.min(5, report.errors().size())));
        }
        double rawRate = rows / (rawNanos / 1e9);
        double engineRate = rows / (engineNanos / 1e9);
        System.out.printf("raw JDBC batch insert      : %7.2f s  %,9.0f rows/s  (baseline)%n", rawNanos / 1e9, rawRate);
        System.out.printf("engine .xlsx import        : %7.2f s  %,9.0f rows/s%n", engineNanos / 1e9, engineRate);
        System.out.printf("ratio engine / raw         : %7.2f    target >= 0.50  %s%n", engineRate / rawRate,
                engineRate / rawRate >= 0.5 ? "MET" : "NOT MET");
        System.out.printf("peak heap during import    : %7d MiB target <= 256 MiB  %s%n", peak >> 20,
                peak <= 256L << 20 ? "MET" : "NOT MET");
    }

    private static ImportReport importFile(RecordImporterImpl importer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.importFile(IMPORTER, BenchSupport.REGISTER, TestUnits.COMMUNE, file.getFileName().toString(), in,
                    ImportOptions.allOrNothing());
        }
    }

    private static List<List<Object>> rawRows(RawInserter raw, String commune, int from, int count) {
        List<List<Object>> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(raw.row(commune, BenchSupport.household(i)));
        }
        return out;
    }

    /** The spreadsheet a commune keeps: Vietnamese headers, ID numbers as text, dates as dates. */
    static void write(Path file, int from, int count) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("Hộ canh tác");
            for (int c = 0; c < HEADER.length; c++) {
                ws.value(0, c, HEADER[c]);
            }
            for (int i = 0; i < count; i++) {
                BenchSupport.Household h = BenchSupport.household(from + i);
                int r = i + 1;
                ws.value(r, 0, h.code());
                ws.value(r, 1, h.name());
                ws.value(r, 2, h.citizenId());
                ws.value(r, 3, h.birthYear());
                ws.value(r, 4, h.gender().equals("2") ? "Nữ" : "Nam");
                ws.value(r, 5, h.hamlet());
                ws.value(r, 6, h.members());
                ws.value(r, 7, h.workers());
                ws.value(r, 8, h.type());
                ws.value(r, 9, h.total());
                ws.value(r, 10, h.rice());
                ws.value(r, 11, h.registeredOn());
                ws.style(r, 11).format("dd/mm/yyyy").set();
                if (r % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
    }

    /**
     * Samples the heap in use every 5 ms while the import runs. The figure includes garbage not yet collected, so it
     * is an upper bound of what the import needs; the JVM is capped at -Xmx256m anyway, so the import could not finish
     * needing more.
     */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopAndPeak() throws InterruptedException {
            running = false;
            join();
            return peak;
        }
    }
}
