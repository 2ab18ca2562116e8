package dev.rbee.keeper.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port of this machine, read from Linux's {@code /proc}: the socket's inode from
 * {@code /proc/net/tcp{,6}}, then the process holding that socket. Lets "Stop everything" check workers and a queen
 * started elsewhere by pid: a port that stops answering only proves the socket closed, not that the process exited.
 * Empty on other systems, for other users' processes, or when nobody listens.
 */
final class ListeningPids {
    private static final String LISTEN = "0A";
    private static final Path PROC = Path.of("/proc");

    private ListeningPids() {
    }

    static Optional<Long> of(int port) {
        return inode(port).flatMap(ListeningPids::holder);
    }

    private static Optional<String> inode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            for (String line : lines(PROC.resolve(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                    return Optional.of(fields[9]);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> holder(String inode) {
        String socket = "socket:[" + inode + "]";
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> holds(dir, socket))
                    .map(dir -> Long.parseLong(dir.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean holds(Path process, String socket) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> socket.equals(link(fd)));
        } catch (IOException | SecurityException e) {
            return false; // another user's process, or one that just exited
        }
    }

    private static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(Path table) {
        try {
            return Files.readAllLines(table);
        } catch (IOException e) {
            return List.of();
        }
    }
}
