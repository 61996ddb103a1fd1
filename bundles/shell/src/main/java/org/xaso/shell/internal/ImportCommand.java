package org.xaso.shell.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.XasoException;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.ImportReport;
import org.xaso.api.record.RecordImporter;

/** Imports a CSV file into a register of a commune, printing the row-by-row report. */
@Service
@Command(scope = "xaso", name = "import", description = "Nhập tệp Excel (.xlsx) hoặc CSV vào một sổ / Import an .xlsx or CSV file into a register")
public class ImportCommand implements Action {

    @Reference
    private RecordImporter importer;

    @Argument(index = 0, name = "commune", required = true, description = "Commune code, e.g. 27793")
    private String commune;

    @Argument(index = 1, name = "register", required = true, description = "Register id, e.g. farming-household")
    private String register;

    @Argument(index = 2, name = "file", required = true, description = "Path of the .xlsx or .csv file")
    private String file;

    @Option(name = "--valid-rows-only", description = "Write the valid rows even when some rows are refused")
    private boolean validRowsOnly;

    @Override
    public Object execute() throws Exception {
        Path p = Paths.get(file);
        if (!Files.isRegularFile(p)) {
            System.err.println("Không có tệp / no such file: " + p.toAbsolutePath());
            return null;
        }
        CallerContext ctx = CallerContext.builder().user("shell").channel("import").purpose("xaso:import").allCommunes().build();
        ImportReport r;
        try (InputStream in = Files.newInputStream(p)) {
            r = importer.importFile(ctx, register, commune, p.getFileName().toString(), in,
                    validRowsOnly ? ImportOptions.validRowsOnly() : ImportOptions.allOrNothing());
        } catch (XasoException e) {
            System.err.println(e.messageVi() + " / " + e.getMessage());
            return null;
        }
        System.out.printf("%s: %d dòng, %d tạo mới, %d cập nhật, %d không đổi, %d bị từ chối — %s%n", r.fileName(),
                r.rows(), r.created(), r.updated(), r.unchanged(), r.rejected(),
                r.committed() ? "đã ghi / written" : "không ghi gì / nothing written");
        for (ImportReport.RowError e : r.errors()) {
            System.out.printf("  dòng %d %s: %s%n", e.row(), e.field(), e.messageVi());
        }
        return null;
    }
}
