package dev.rbee.features.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario's worker logs ({@code RBEE_HOME/logs/worker-<id>.log}). */
public final class WorkerLogs {
    private WorkerLogs() {
    }

    public static boolean anyContains(Path home, String text) {
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            List<Path> workers = logs.filter(p -> p.getFileName().toString().startsWith("worker-")).toList();
            for (Path log : workers) {
                if (Files.readString(log).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tails(Path home) {
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            StringBuilder all = new StringBuilder();
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("worker-")).toList()) {
                List<String> lines = Files.readAllLines(log);
                all.append(log.getFileName()).append(":\n");
                lines.subList(Math.max(0, lines.size() - 8), lines.size()).forEach(l -> all.append(l).append('\n'));
            }
            return all.toString();
        } catch (IOException e) {
            return "(logs unreadable: " + e.getMessage() + ")";
        }
    }

    /** Polls until a worker log holds {@code text}, failing once {@code deadlineNanos} has passed. */
    public static void awaitLine(Path home, String text, long deadlineNanos) throws InterruptedException {
        while (!anyContains(home, text)) {
            if (System.nanoTime() > deadlineNanos) {
                throw new AssertionError("no worker log says '" + text + "' in time; they end with:\n" + tails(home));
            }
            Thread.sleep(50);
        }
    }
}
