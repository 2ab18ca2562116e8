package dev.rbee.features.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the rbee processes of one scenario: every daemon inherits the scenario's unique {@code RBEE_HOME}, so scanning
 * {@code /proc/<pid>/environ} for it finds them all, whoever started them. A hive on the scenario's SSH node runs
 * with an {@code RBEE_HOME} below the scenario's, so it counts too.
 */
public final class RbeeProcesses {
    public record Found(long pid, String commandLine) {
    }

    private RbeeProcesses() {
    }

    public static List<Found> withHome(Path rbeeHome) {
        String marker = "RBEE_HOME=" + rbeeHome;
        List<Found> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                if (environContains(p, marker)) {
                    found.add(new Found(Long.parseLong(p.getFileName().toString()), commandLine(p)));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    private static boolean environContains(Path proc, String entry) {
        try {
            for (String var : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8)
                    .split("\0")) {
                if (var.equals(entry) || var.startsWith(entry + "/")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or not ours
        }
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "?";
        }
    }

    /** The scenario's processes of one program, told apart by their main class. */
    public static List<Found> of(Path rbeeHome, Program program) {
        return withHome(rbeeHome).stream().filter(f -> f.commandLine().contains(program.mainClass)).toList();
    }

    /** The rbee programs and the main classes their launchers run. */
    public enum Program {
        KEEPER("rbee-keeper", "dev.rbee.keeper.cli.Main"),
        QUEEN("queen-rbee", "dev.rbee.queen.Main"),
        HIVE("rbee-hive", "dev.rbee.hive.Main"),
        WORKER("llm-worker-rbee", "dev.rbee.worker.Main");

        final String name;
        final String mainClass;

        Program(String name, String mainClass) {
            this.name = name;
            this.mainClass = mainClass;
        }

        public static Program named(String name) {
            for (Program p : values()) {
                if (p.name.equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown program " + name);
        }
    }

    /** Sends a signal the way an operator would, with {@code kill -<SIGNAL> <pid>}. */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            // A process that exited between being listed and being signalled (an earlier hive still finishing
            // its own shutdown) has nothing left to receive; only a live process that refuses is a failure.
            if (kill.waitFor() != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new AssertionError("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Kills what is left (teardown), so one failing scenario cannot disturb the next. */
    public static void killAll(List<Found> found) {
        found.forEach(f -> ProcessHandle.of(f.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }
}
