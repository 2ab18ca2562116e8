package dev.rbee.queen.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** POSIX modes of key and known_hosts files. */
final class Permissions {
    private Permissions() {
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to tighten.
        }
    }

    /** {@code 0644} when group or others may read or write the file, as OpenSSH refuses such keys; else empty. */
    static Optional<String> tooOpen(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        boolean open = perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        return open ? Optional.of(octal(perms)) : Optional.empty();
    }

    static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
