package dev.rbee.keeper.infer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes {@code $RBEE_HOME/partial/<job_id>.txt}: the exact concatenation of the received tokens (cli.md §10.4). */
public final class PartialResults {
    private static final String UNKNOWN_JOB = "job-unknown";

    private final Path dir;

    /** {@code dir} is {@code $RBEE_HOME/partial}. */
    public PartialResults(Path dir) {
        this.dir = dir;
    }

    public PartialResult save(String jobId, String text, int tokens, int maxTokens) {
        String name = jobId == null ? UNKNOWN_JOB : jobId;
        if (tokens == 0) {
            return new PartialResult(name, 0, maxTokens, null, null);
        }
        try {
            createPrivateDir();
            Path file = dir.resolve(name + ".txt");
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            return new PartialResult(name, tokens, maxTokens, file, null);
        } catch (IOException e) {
            return new PartialResult(name, tokens, maxTokens, null, e.getMessage());
        }
    }

    /** Mode 0700: the text may be private. */
    private void createPrivateDir() throws IOException {
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
