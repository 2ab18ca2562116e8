package dev.rbee.keeper.fleet;

import java.util.List;

/** What "Stop everything" found afterwards, one line per process that was running before. */
public record StopReport(List<Line> lines) {
    public enum Outcome { STOPPED, FORCE_KILLED, STILL_RUNNING }

    public record Line(FleetProcess process, Outcome outcome) {
    }

    public StopReport {
        lines = List.copyOf(lines);
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).count();
    }

    /** True when nothing that was running before is still there. */
    public boolean clean() {
        return count(Outcome.STILL_RUNNING) == 0;
    }
}
