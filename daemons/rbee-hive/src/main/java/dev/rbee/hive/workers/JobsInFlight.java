package dev.rbee.hive.workers;

import dev.rbee.daemon.ChildProcesses;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which job a worker that died was running (S083). The hive is not a party to inference (queen talks to the worker
 * directly), so it reads the worker's own log, which says {@code Job <id> started} and {@code Job <id> ended} (or
 * {@code cancelled}/{@code failed}); a job started and never ended was in flight when the process went away.
 */
final class JobsInFlight {
    private static final Pattern JOB_LINE = Pattern.compile("\\b[Jj]ob (\\S+) (started|ended|cancelled|failed)\\b");
    private static final int LINES = 2000;

    private JobsInFlight() {
    }

    /** The jobs still open at the end of the worker's log, oldest first. */
    static List<String> in(Path workerLog) {
        return open(ChildProcesses.tail(workerLog, LINES));
    }

    static List<String> open(List<String> lines) {
        Set<String> open = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = JOB_LINE.matcher(line);
            if (m.find()) {
                if ("started".equals(m.group(2))) {
                    open.add(m.group(1));
                } else {
                    open.remove(m.group(1));
                }
            }
        }
        return List.copyOf(open);
    }

    static Optional<String> describe(Path workerLog) {
        List<String> jobs = in(workerLog);
        return jobs.isEmpty() ? Optional.empty() : Optional.of("busy with " + String.join(", ", jobs));
    }
}
