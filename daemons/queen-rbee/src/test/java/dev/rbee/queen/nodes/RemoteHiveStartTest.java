package dev.rbee.queen.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.queen.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start command, run by a real /bin/sh as the node's sshd would, with a launcher that records what it got. */
class RemoteHiveStartTest {
    @TempDir
    Path dir;

    private Node node(String installPath, String hiveBind) {
        return new Node("workstation", "127.0.0.1", 22, "ops", null, installPath, 9311, hiveBind, "reachable", null,
                null, List.of(), Map.of(), null, null, null);
    }

    @Test
    void theSecretReachesTheHiveOnStdinAndNotItsArguments() throws Exception {
        Path install = dir.resolve("in stall's; touch pwned");
        Files.createDirectories(install.resolve("bin"));
        Path launcher = install.resolve("bin/rbee-hive");
        Files.writeString(launcher, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$HOME/args\"\n"
                + "IFS= read -r s; printf '%s' \"$s\" > \"$HOME/stdin\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        String command = new RemoteHiveStart(node(install.toString(), null), null, text -> { })
                .command("http://10.0.0.5:8080");

        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile());
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("RBEE_HOME", dir.resolve("node-home").toString());
        Process sh = builder.start();
        sh.getOutputStream().write("s3cret-value\n".getBytes(StandardCharsets.UTF_8));
        sh.getOutputStream().close();
        String pid = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, sh.waitFor());
        assertTrue(pid.matches("\\d+"), pid);

        Path args = dir.resolve("args");
        waitFor(dir.resolve("stdin"));
        List<String> got = Files.readAllLines(args);
        assertEquals(List.of("daemon", "--bind", "127.0.0.1", "--port", "9311", "--node-name", "workstation",
                "--queen-url", "http://10.0.0.5:8080", "--secret-stdin"), got);
        assertEquals("s3cret-value", Files.readString(dir.resolve("stdin")));
        assertFalse(command.contains("s3cret-value"));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertTrue(Files.exists(dir.resolve("node-home/logs/rbee-hive.log")));
    }

    @Test
    void hiveBindWinsOverSshHost() {
        assertEquals("0.0.0.0", new RemoteHiveStart(node("/opt/rbee", "0.0.0.0"), null, t -> { }).bindAddress());
        assertEquals("127.0.0.1", new RemoteHiveStart(node("/opt/rbee", null), null, t -> { }).bindAddress());
    }

    private static void waitFor(Path file) throws InterruptedException, IOException {
        for (int i = 0; i < 100 && (!Files.exists(file) || Files.size(file) == 0); i++) {
            Thread.sleep(50);
        }
    }
}
