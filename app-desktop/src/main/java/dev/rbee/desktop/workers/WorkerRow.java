package dev.rbee.desktop.workers;

import dev.rbee.contract.queen.QWorker;

import java.time.Duration;
import java.util.Locale;

/** One line of the workers table, as text; {@code placement} is {@code backend:device} as {@code worker list} writes it. */
public record WorkerRow(String id, String node, String model, String placement, String state, String slots,
                        String tokensPerSecond, String uptime) {

    /** {@code uptime}: how long this app has known the worker (queen does not send a start time). */
    public static WorkerRow of(QWorker w, double tokensPerSecond, Duration uptime) {
        return new WorkerRow(w.workerId(), w.node(), w.modelRef(), w.backend() + ":" + w.device(),
                w.stale() ? w.state() + " (stale)" : w.state(), w.slotsBusy() + "/" + w.slotsTotal(),
                String.format(Locale.ROOT, "%.1f", tokensPerSecond), uptime(uptime));
    }

    /** {@code 45s}, {@code 12m 03s}, {@code 2h 05m}. */
    static String uptime(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
}
