package dev.rbee.queen.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Queen's own {@code $RBEE_HOME/known_hosts} in OpenSSH format: {@code host key-type base64} for port 22 and
 * {@code [host]:port key-type base64} for any other port, as {@code ssh} writes them. Only plain host names are
 * understood (no hashed {@code |1|} entries or patterns: queen writes every line of this file itself); other
 * lines are skipped, never rewritten.
 */
public final class KnownHosts {
    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The pattern a line starts with for this host and port. */
    static String hostPattern(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The keys recorded for {@code host:port}; empty when the host is not known. */
    public List<PublicKey> keysFor(String host, int port) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String wanted = hostPattern(host, port);
        List<PublicKey> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            parse(line, wanted).ifPresent(keys::add);
        }
        return keys;
    }

    private static Optional<PublicKey> parse(String line, String wanted) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        String[] parts = trimmed.split("\\s+", 2);
        if (parts.length < 2 || !List.of(parts[0].split(",")).contains(wanted)) {
            return Optional.empty();
        }
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(parts[1]);
            return entry == null ? Optional.empty()
                    : Optional.ofNullable(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Appends one line for {@code host:port}; the file is created with mode 0600 where POSIX allows. */
    public synchronized void append(String host, int port, PublicKey key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
            Permissions.ownerOnly(file);
        }
        String line = hostPattern(host, port) + " " + HostKeys.openSshText(key) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
