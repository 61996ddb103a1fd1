package org.xaso.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.xaso.camel.api.RouteFiles;

/** Shows the YAML route files of the watched folder and what became of each. */
@Service
@Command(scope = "xaso", name = "routes", description = "Tệp tuyến tích hợp YAML / YAML route files and their state")
public class RoutesCommand implements Action {

    @Reference
    private RouteFiles files;

    @Override
    public Object execute() {
        System.out.println("Thư mục / folder: " + files.directory());
        ShellTable table = new ShellTable();
        table.column("Tệp");
        table.column("Trạng thái");
        table.column("Tuyến");
        table.column("Lúc");
        table.column("Lỗi").maxSize(80);
        for (RouteFiles.RouteFile f : files.files()) {
            table.addRow().addContent(f.name(), f.status(), String.join(", ", f.routeIds()), f.at(),
                    f.error() == null ? "" : f.error());
        }
        table.print(System.out);
        return null;
    }
}
