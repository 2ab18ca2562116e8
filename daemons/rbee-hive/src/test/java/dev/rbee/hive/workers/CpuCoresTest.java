package dev.rbee.hive.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuCoresTest {
    private static final Optional<Path> TASKSET = Optional.of(Path.of("/usr/bin/taskset"));

    @Test
    void theKernelsListFormatIsRead() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuCores.parseList("0-3,8,10-11"));
        assertEquals(List.of(), CpuCores.parseList(""));
    }

    @Test
    void twoWorkersGetOneHalfEachAndAThirdSharesAll() {
        CpuCores cores = new CpuCores(CpuCores.parseList("0-15"), TASKSET);
        assertEquals(List.of("/usr/bin/taskset", "-c", "0,1,2,3,4,5,6,7"), cores.claim("worker-a"));
        assertEquals(List.of("/usr/bin/taskset", "-c", "8,9,10,11,12,13,14,15"), cores.claim("worker-b"));
        assertEquals(List.of(), cores.claim("worker-c"));
    }

    @Test
    void aReleasedHalfIsGivenAgain() {
        CpuCores cores = new CpuCores(List.of(0, 1), TASKSET);
        cores.claim("worker-a");
        cores.claim("worker-b");
        cores.release("worker-a");
        assertEquals(List.of("/usr/bin/taskset", "-c", "0"), cores.claim("worker-c"));
    }

    @Test
    void nothingIsPinnedWithoutTasksetOrWithOneCore() {
        assertEquals(List.of(), new CpuCores(List.of(0, 1, 2, 3), Optional.empty()).claim("worker-a"));
        assertEquals(List.of(), new CpuCores(List.of(0), TASKSET).claim("worker-a"));
    }
}
