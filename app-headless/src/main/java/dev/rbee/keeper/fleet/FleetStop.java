package dev.rbee.keeper.fleet;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.queen.QueenShutdownResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Stop everything": queen's cascade ({@code POST /v2/shutdown}, api.md §12), then a check of every process that
 * was running before, so the user sees proof rather than a promise: stopped, force-killed by the cascade, or still
 * there.
 */
public final class FleetStop {
    /** Queen answers within 40 s (api.md timeouts); then it exits. */
    public static final Duration QUEEN_EXIT_TIMEOUT = Duration.ofSeconds(45);
    /**
     * Queen exits once its hives have answered; a hive exits within 2 s of its answer (api.md §12), and a JVM takes
     * a moment after closing its port. What is still there after this long is reported as still running.
     */
    static final Duration SETTLE_TIME = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 200;

    private final Liveness liveness;

    public FleetStop(Liveness liveness) {
        this.liveness = liveness;
    }

    /**
     * @param client a client whose requests may take 40 s, the length of the cascade
     * @throws dev.rbee.contract.error.RbeeException when queen refuses (e.g. a missing API key); nothing was stopped
     */
    public StopReport stop(QueenClient client, List<FleetProcess> before) throws InterruptedException {
        Set<String> forceKilled = forceKilled(requestShutdown(client));
        long queenDeadline = System.nanoTime() + QUEEN_EXIT_TIMEOUT.toNanos();
        for (FleetProcess queen : before) {
            if (queen.kind() == FleetProcess.Kind.QUEEN) {
                goneBy(queen, queenDeadline);
            }
        }
        long settleDeadline = System.nanoTime() + SETTLE_TIME.toNanos();
        List<StopReport.Line> lines = new ArrayList<>();
        for (FleetProcess process : before) {
            StopReport.Outcome outcome = !goneBy(process, settleDeadline) ? StopReport.Outcome.STILL_RUNNING
                    : forceKilled.contains(key(process.node(), process.name())) ? StopReport.Outcome.FORCE_KILLED
                    : StopReport.Outcome.STOPPED;
            lines.add(new StopReport.Line(process, outcome));
        }
        return new StopReport(lines);
    }

    /** Null when queen closed the connection instead of answering: it may exit before its reply is read. */
    private static QueenShutdownResponse requestShutdown(QueenClient client) {
        try {
            return client.shutdown();
        } catch (UnreachableException e) {
            return null;
        }
    }

    private boolean goneBy(FleetProcess process, long deadlineNanos) throws InterruptedException {
        while (liveness.alive(process)) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static Set<String> forceKilled(QueenShutdownResponse answer) {
        if (answer == null || answer.forceKilled() == null) {
            return Set.of();
        }
        return answer.forceKilled().stream().map(killed -> key(killed.node(), killed.process()))
                .collect(Collectors.toSet());
    }

    private static String key(String node, String process) {
        return node + "\u0000" + process;
    }
}
