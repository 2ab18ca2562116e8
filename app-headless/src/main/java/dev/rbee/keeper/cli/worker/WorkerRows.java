package dev.rbee.keeper.cli.worker;

import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.cli.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worker table and JSON rows of {@code worker list} (cli.md §9), also the WORKERS section of {@code status}. */
public final class WorkerRows {
    private WorkerRows() {
    }

    /** {@code WORKER  NODE  MODEL  BACKEND  STATE  SLOTS  URL}; SLOTS is busy/total, BACKEND {@code cuda:1}. */
    public static List<String> table(List<QWorker> workers) {
        TextTable table = new TextTable("WORKER", "NODE", "MODEL", "BACKEND", "STATE", "SLOTS", "URL");
        for (QWorker w : workers) {
            table.row(w.workerId(), w.node(), w.modelRef(), w.backend() + ":" + w.device(), state(w),
                    w.slotsBusy() + "/" + w.slotsTotal(), w.url());
        }
        return table.lines();
    }

    /** A worker whose hive stopped sending heartbeats is shown as such; queen no longer routes to it. */
    private static String state(QWorker w) {
        return w.stale() ? w.state() + " (stale)" : w.state();
    }

    public static List<Map<String, Object>> json(List<QWorker> workers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QWorker w : workers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("worker_id", w.workerId());
            row.put("node", w.node());
            row.put("model_ref", w.modelRef());
            row.put("backend", w.backend());
            row.put("device", w.device());
            row.put("state", w.state());
            row.put("url", w.url());
            row.put("slots_total", w.slotsTotal());
            row.put("slots_busy", w.slotsBusy());
            rows.add(row);
        }
        return rows;
    }
}
