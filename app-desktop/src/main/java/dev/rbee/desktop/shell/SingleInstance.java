package dev.rbee.desktop.shell;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One desktop app per {@code RBEE_HOME} at a time: an OS file lock on {@code RBEE_HOME/desktop.lock}, which the OS
 * releases when the process ends however it ends, so a crash never leaves a stale lock behind.
 */
public final class SingleInstance implements AutoCloseable {
    public static final String FILE = "desktop.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SingleInstance(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Empty when another app holds the lock. @throws IOException when the home cannot be written at all */
    public static Optional<SingleInstance> acquire(Path home) throws IOException {
        Files.createDirectories(home);
        FileChannel channel = FileChannel.open(home.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new SingleInstance(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // Held by this same process (a second window in one JVM): also "already open".
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
