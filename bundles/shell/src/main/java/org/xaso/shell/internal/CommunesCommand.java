package org.xaso.shell.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.AdminUnitService;
import org.xaso.api.unit.UnitLevel;
import org.xaso.api.unit.UnitSuccession;

/** Lists administrative units with their validity and successors. */
@Service
@Command(scope = "xaso", name = "communes", description = "Đơn vị hành chính và lịch sử / Administrative units with their history")
public class CommunesCommand implements Action {

    @Reference
    private AdminUnitService units;

    @Option(name = "-a", aliases = "--all", description = "Also units that no longer exist and other levels")
    private boolean all;

    @Override
    public Object execute() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        ShellTable table = new ShellTable();
        table.column("Mã");
        table.column("Tên");
        table.column("Cấp");
        table.column("Thuộc");
        table.column("Hiệu lực từ");
        table.column("Đến");
        table.column("Kế thừa bởi");
        for (AdminUnit u : units.units()) {
            boolean current = u.validOn(today);
            if (!all && (!current || u.level() != UnitLevel.COMMUNE)) {
                continue;
            }
            String successors = units.successions().stream().filter(s -> s.predecessorKey().equals(u.key()))
                    .map(UnitSuccession::successorKey)
                    .map(k -> units.units().stream().filter(x -> x.key().equals(k)).map(x -> x.name() + " (" + x.code() + ")")
                            .findFirst().orElse(k))
                    .collect(Collectors.joining(", "));
            table.addRow().addContent(u.code(), u.name(), u.level().labelVi(), u.parentCode() == null ? "" : u.parentCode(),
                    u.validFrom() == null ? "" : u.validFrom(), u.validTo() == null ? "" : u.validTo(), successors);
        }
        table.print(System.out);
        return null;
    }
}
