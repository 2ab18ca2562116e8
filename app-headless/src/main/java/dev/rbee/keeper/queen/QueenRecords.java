package dev.rbee.keeper.queen;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.keeper.QueenUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The record of the queen keeper started with {@code daemon start}. Keeper owns exactly that queen; a record whose
 * pid no longer runs, or runs something else, is deleted silently (cli.md §4).
 */
public final class QueenRecords {
    private final Path file;
    private final Json json;

    public QueenRecords(Path file, Json json) {
        this.file = file;
        this.json = json;
    }

    /** The record if its process is still a queen; stale or unreadable records are removed. */
    public Optional<QueenRecord> readLive() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            QueenRecord record = json.decode(Files.readString(file), QueenRecord.class);
            if (record.url() != null && isQueenProcess(record.pid())) {
                return Optional.of(record);
            }
        } catch (IOException | JsonDecodeException e) {
            // An unreadable record owns nothing; it is replaced by the next daemon start.
        }
        delete();
        return Optional.empty();
    }

    /** The live record of the queen at {@code url}, if keeper started that one. */
    public Optional<QueenRecord> forUrl(QueenUrl url) {
        return readLive().filter(record -> sameUrl(record.url(), url));
    }

    public void write(QueenRecord record) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.write(record));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private static boolean sameUrl(String recorded, QueenUrl url) {
        try {
            return QueenUrl.parse(recorded).normalized().equals(url.normalized());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Alive and, where the OS tells, running queen-rbee (a reused pid must not be mistaken for it). */
    static boolean isQueenProcess(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(handle -> handle.info().commandLine().map(QueenRecords::looksLikeQueen).orElse(true))
                .orElse(false);
    }

    /** Loose on purpose: the launcher execs java with {@code dev.rbee.queen.Main}; test doubles name themselves too. */
    private static boolean looksLikeQueen(String commandLine) {
        return commandLine.toLowerCase(java.util.Locale.ROOT).contains("queen");
    }
}
