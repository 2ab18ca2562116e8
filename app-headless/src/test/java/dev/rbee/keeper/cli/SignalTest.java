package dev.rbee.keeper.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+C on a real keeper process (cli.md §12): cancel, confirmation, ephemeral queen stopped, exit 130. */
@Timeout(90)
class SignalTest {
    @TempDir
    Path home;
    @TempDir
    Path dist;

    @Test
    void sigintDuringInferCancelsTheJobStopsTheEphemeralQueenAndExits130() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Path script = Files.createDirectories(dist.resolve("bin")).resolve("queen-rbee");
        Files.writeString(script, "#!/usr/bin/env bash\nexec '" + java + "' -cp '" + classpath
                + "' dev.rbee.keeper.testing.FakeQueen \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "dev.rbee.keeper.cli.Main", "infer",
                "--model", "demo:tiny", "--prompt", "hi", "--queen-url", "http://127.0.0.1:" + port);
        builder.environment().put("RBEE_HOME", home.toString());
        builder.environment().put("RBEE_DIST_DIR", dist.toString());
        builder.environment().put("FAKE_QUEEN_SCRIPT", "slow");
        Path stderr = home.resolve("keeper.err");
        Process keeper = builder.redirectError(stderr.toFile()).start();

        BufferedReader out = new BufferedReader(new InputStreamReader(keeper.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(readUntil(out, "tok3 "), "tokens arrive");
        new ProcessBuilder("kill", "-INT", String.valueOf(keeper.pid())).start().waitFor();
        out.transferTo(Writer.nullWriter());

        assertTrue(keeper.waitFor(60, TimeUnit.SECONDS));
        assertEquals(130, keeper.exitValue());
        List<String> lines = Files.readAllLines(stderr);
        int cancel = lines.indexOf("🛑 Canceling request...");
        assertTrue(cancel > 0, String.join("\n", lines));
        assertEquals(List.of("🛑 Canceling request...", "✅ Request canceled, slot released",
                        "[rbee-keeper] 🛑 Stopping ephemeral queen-rbee and everything it started..."),
                lines.subList(cancel, lines.size()));
        long queenPid = Long.parseLong(lines.stream().filter(l -> l.contains("queen-rbee ready")).findFirst()
                .orElseThrow().replaceAll("\\D", ""));
        assertFalse(ProcessHandle.of(queenPid).map(ProcessHandle::isAlive).orElse(false), "queen has exited");
        assertFalse(Files.exists(home.resolve("partial")));
    }

    private static boolean readUntil(BufferedReader in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            seen.append((char) c);
            if (seen.indexOf(marker) >= 0) {
                return true;
            }
        }
        return false;
    }
}
