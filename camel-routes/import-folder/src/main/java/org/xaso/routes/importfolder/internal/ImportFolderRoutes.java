package org.xaso.routes.importfolder.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.xaso.api.record.ImportOptions;
import org.xaso.api.record.RecordImporter;

/**
 * The drop-folder import route. A spreadsheet (.xlsx or .csv) written to {@code import/<commune>/<register>/} is taken once it has not
 * changed for two seconds, imported through the engine, and moved to {@code done/} or {@code error/} of its folder
 * with {@code <time>-<file>.report.csv} beside it.
 */
@Component(service = RoutesBuilder.class, configurationPid = "org.xaso.routes.import")
@Designate(ocd = ImportFolderRoutes.Config.class)
public class ImportFolderRoutes implements RoutesBuilder {

    static final String ROUTE_ID = "xaso-import-folder";

    @ObjectClassDefinition(name = "Xã Số import folder", description = "Thư mục nhập tệp / Drop-folder import")
    public @interface Config {
        @AttributeDefinition(name = "Folder", description = "Relative paths are under the distribution (karaf.base)")
        String directory() default "import";

        @AttributeDefinition(name = "Mode", description = "What a file with refused rows does", options = {
                @Option(value = "all-or-nothing", label = "Nothing is written (the file goes to error/)"),
                @Option(value = "valid-rows-only", label = "Valid rows are written; refused rows are reported")})
        String mode() default "all-or-nothing";

        @AttributeDefinition(name = "Poll delay", description = "Milliseconds between two looks at the folder")
        long pollDelayMillis() default 2000;
    }

    private final RecordImporter importer;
    private final String directory;
    private final ImportOptions options;
    private final long delay;
    private final Clock clock;

    @Activate
    public ImportFolderRoutes(@Reference RecordImporter importer, Config config) {
        this(importer, resolve(config.directory()), "valid-rows-only".equals(config.mode())
                ? ImportOptions.validRowsOnly() : ImportOptions.allOrNothing(), config.pollDelayMillis(), Clock.systemUTC());
    }

    ImportFolderRoutes(RecordImporter importer, String directory, ImportOptions options, long delay, Clock clock) {
        this.importer = importer;
        this.directory = directory;
        this.options = options;
        this.delay = delay;
        this.clock = clock;
    }

    private static String resolve(String dir) {
        Path p = Paths.get(dir);
        if (!p.isAbsolute()) {
            p = Paths.get(System.getProperty("karaf.base", ".")).resolve(p);
        }
        return p.toAbsolutePath().toString();
    }

    /** A fresh builder each time: the route can be added again to a new CamelContext. */
    RouteBuilder builder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String uri = "file:" + directory + "?recursive=true&minDepth=3&maxDepth=3&autoCreate=true"
                        + "&antInclude=**/*.csv,**/*.CSV,**/*.xlsx,**/*.XLSX&readLock=changed&readLockMinAge=2000&readLockCheckInterval=500"
                        + "&delay=" + delay
                        + "&move=${file:parent}/${header." + ImportProcessor.OUTCOME + "}/${header." + ImportProcessor.STAMP
                        + "}-${file:onlyname}"
                        + "&moveFailed=${file:parent}/error/${date:now:yyyyMMdd-HHmmss}-${file:onlyname}";
                from(uri).routeId(ROUTE_ID)
                        .process(new ImportProcessor(importer, options, clock))
                        .toD("file:${header.CamelFileParent}/${header." + ImportProcessor.OUTCOME + "}?fileName=${header."
                                + ImportProcessor.REPORT_NAME + "}&fileExist=Override");
            }
        };
    }

    @Override
    public void addRoutesToCamelContext(org.apache.camel.CamelContext context) throws Exception {
        builder().addRoutesToCamelContext(context);
    }

    @Override
    public void addTemplatedRoutesToCamelContext(org.apache.camel.CamelContext context) throws Exception {
        // no route templates
    }

    @Override
    public java.util.Set<String> updateRoutesToCamelContext(org.apache.camel.CamelContext context) throws Exception {
        return builder().updateRoutesToCamelContext(context);
    }
}
