package dev.rbee.desktop.overview;

import dev.rbee.keeper.fleet.FleetProcess;
import dev.rbee.keeper.fleet.StopReport;

/** One line of the "Stop everything" report as the table shows it. */
public record ReportRow(String process, String node, String outcome) {
    static ReportRow of(StopReport.Line line) {
        FleetProcess process = line.process();
        return new ReportRow(process.name(), process.node(), switch (line.outcome()) {
            case STOPPED -> "✅ stopped";
            case FORCE_KILLED -> "⚠️ force-killed after 30 s";
            case STILL_RUNNING -> "❌ still running" + (process.pid() != null ? " (pid " + process.pid() + ")"
                    : " (answers at " + process.url() + ")");
        });
    }
}
