package dev.rbee.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, the figure an operator compares with the node's RAM. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** From {@code /proc/self/status} (VmRSS) where there is one; 0 where the platform does not say. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
