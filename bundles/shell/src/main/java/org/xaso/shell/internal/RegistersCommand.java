package org.xaso.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.xaso.api.context.CallerContext;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RecordService;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.register.RegisterRegistry;

/** Lists the registers deployed now. */
@Service
@Command(scope = "xaso", name = "registers", description = "Các sổ đang triển khai / Registers deployed now")
public class RegistersCommand implements Action {

    @Reference
    private RegisterRegistry registry;

    @Reference
    private RecordService records;

    @Option(name = "-c", aliases = "--commune", description = "Count the records of this commune")
    private String commune;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Mục");
        table.column("Tên sổ");
        table.column("Lĩnh vực");
        table.column("Trường");
        if (commune != null) {
            table.column("Bản ghi");
        }
        CallerContext ctx = CallerContext.builder().user("shell").channel("shell").purpose("xaso:registers").allCommunes().build();
        for (RegisterDescriptor d : registry.list()) {
            var row = table.addRow();
            row.addContent(d.id(), d.seedCode() == null ? "" : d.seedCode(), d.nameVi(), d.domainVi() == null ? d.domain() : d.domainVi(),
                    d.fields().size());
            if (commune != null) {
                row.addContent(records.search(ctx, d.id(), commune, RecordQuery.builder().limit(0).build()).total());
            }
        }
        table.print(System.out);
        return null;
    }
}
