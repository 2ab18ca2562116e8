package dev.rbee.hive.workers;

/**
 * Words for how a worker process ended, as the hive reports it. A SIGKILL nobody sent while the model loads is almost
 * always the kernel's OOM killer (api.md §12, scenarios.md S061).
 */
final class ExitCause {
    static final String OOM_WHILE_LOADING = "killed by SIGKILL during loading (likely out of memory)";

    private ExitCause() {
    }

    /** The JVM reports a child killed by signal N as exit value 128 + N. */
    static String describe(int exitValue, boolean wasLoading) {
        if (exitValue <= 128) {
            return "exit code " + exitValue;
        }
        int signal = exitValue - 128;
        if (signal == 9 && wasLoading) {
            return OOM_WHILE_LOADING;
        }
        return "killed by " + signalName(signal);
    }

    /** How the hive's log states an exit: {@code signal 9}, {@code exit code 1}. */
    static String raw(int exitValue) {
        return exitValue > 128 ? "signal " + (exitValue - 128) : "exit code " + exitValue;
    }

    static String signalName(int signal) {
        return switch (signal) {
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
    }
}
