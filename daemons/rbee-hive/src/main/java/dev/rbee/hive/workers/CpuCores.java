package dev.rbee.hive.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S154: the cores this hive may use are split into two halves, and each cpu worker gets a half of its own, so that a
 * second worker does not compete with the first one for the same cores (llama.cpp's threads wait for each other at
 * every layer, so two workers on the same cores are each slower than on half of them). A third cpu worker finds no
 * free half and runs unpinned. The pinning is done at launch with util-linux {@code taskset}, so that every thread of
 * the worker, the JVM's own included, inherits it, and the JVM then sizes itself (and the engine's thread count) to
 * the half. Without {@code taskset} (macOS) or with fewer than 2 cores, workers are not pinned.
 */
public final class CpuCores {
    private static final Logger LOG = LoggerFactory.getLogger(CpuCores.class);
    private static final List<Path> TASKSET = List.of(Path.of("/usr/bin/taskset"), Path.of("/bin/taskset"));

    private final List<List<Integer>> halves;
    private final Optional<Path> taskset;
    private final String[] holders = new String[2]; // guarded by this: worker id per half

    CpuCores(List<Integer> allowed, Optional<Path> taskset) {
        int half = allowed.size() / 2;
        this.halves = List.of(allowed.subList(0, half), allowed.subList(half, half * 2));
        this.taskset = allowed.size() >= 2 ? taskset : Optional.empty();
    }

    /** The cores this process may run on, as the kernel says in {@code /proc/self/status}. */
    public static CpuCores ofThisProcess() {
        Optional<Path> taskset = TASKSET.stream().filter(Files::isExecutable).findFirst();
        try {
            String allowed = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("");
            return new CpuCores(parseList(allowed), taskset);
        } catch (IOException | RuntimeException e) {
            LOG.info("cpu workers are not pinned to cores: {}", e.getMessage());
            return new CpuCores(List.of(), Optional.empty());
        }
    }

    /** The command prefix that pins {@code workerId} to a free half, or nothing when none is free. */
    public synchronized List<String> claim(String workerId) {
        if (taskset.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < holders.length; i++) {
            if (holders[i] == null) {
                holders[i] = workerId;
                String cores = halves.get(i).stream().map(String::valueOf).collect(Collectors.joining(","));
                LOG.info("Worker {} gets CPU cores {} ({} threads)", workerId, cores, halves.get(i).size());
                return List.of(taskset.get().toString(), "-c", cores);
            }
        }
        LOG.info("Worker {} shares all CPU cores: both halves are held by other cpu workers", workerId);
        return List.of();
    }

    public synchronized void release(String workerId) {
        for (int i = 0; i < holders.length; i++) {
            if (workerId.equals(holders[i])) {
                holders[i] = null;
            }
        }
    }

    /** Parses the kernel's list format, e.g. {@code 0-3,8,10-11}. */
    static List<Integer> parseList(String list) {
        List<Integer> cores = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.strip().split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
            for (int core = first; core <= last; core++) {
                cores.add(core);
            }
        }
        return cores;
    }
}
