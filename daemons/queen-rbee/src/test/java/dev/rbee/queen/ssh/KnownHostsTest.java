package dev.rbee.queen.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {
    @TempDir
    Path dir;

    static KeyPair ed25519() throws Exception {
        return SecurityUtils.getKeyPairGenerator("Ed25519").generateKeyPair();
    }

    static KeyPair rsa() throws Exception {
        var generator = SecurityUtils.getKeyPairGenerator(KeyUtils.RSA_ALGORITHM);
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void appendedKeysAreFoundForTheirHostAndPortOnly() throws Exception {
        KnownHosts known = new KnownHosts(dir.resolve("known_hosts"));
        KeyPair a = ed25519();
        KeyPair b = rsa();
        assertTrue(known.keysFor("127.0.0.1", 2222).isEmpty());
        known.append("127.0.0.1", 2222, a.getPublic());
        known.append("workstation.home.arpa", 22, b.getPublic());
        assertEquals(1, known.keysFor("127.0.0.1", 2222).size());
        assertTrue(KeyUtils.compareKeys(a.getPublic(), known.keysFor("127.0.0.1", 2222).getFirst()));
        assertTrue(known.keysFor("127.0.0.1", 22).isEmpty());
        assertTrue(KeyUtils.compareKeys(b.getPublic(), known.keysFor("workstation.home.arpa", 22).getFirst()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(known.path())));
    }

    @Test
    void linesAreInOpenSshFormat() throws Exception {
        KnownHosts known = new KnownHosts(dir.resolve("known_hosts"));
        known.append("10.0.0.5", 2200, ed25519().getPublic());
        known.append("node.lan", 22, ed25519().getPublic());
        List<String> lines = Files.readAllLines(known.path());
        assertTrue(lines.get(0).matches("\\[10\\.0\\.0\\.5]:2200 ssh-ed25519 AAAA[A-Za-z0-9+/=]+"), lines.get(0));
        assertTrue(lines.get(1).matches("node\\.lan ssh-ed25519 AAAA[A-Za-z0-9+/=]+"), lines.get(1));
    }

    /** Lines written by OpenSSH itself (several names, comments, hashed entries) are read or skipped, never fatal. */
    @Test
    void foreignLinesAreSkippedAndAliasesMatch() throws Exception {
        KeyPair a = ed25519();
        String keyText = HostKeys.openSshText(a.getPublic());
        Files.writeString(dir.resolve("known_hosts"), "# a comment\n\n|1|abc=|def= " + keyText + "\n"
                + "garbage\nother,[127.0.0.1]:2222 " + keyText + " comment\n");
        KnownHosts known = new KnownHosts(dir.resolve("known_hosts"));
        assertEquals(1, known.keysFor("127.0.0.1", 2222).size());
        assertEquals(1, known.keysFor("other", 22).size());
    }

    @Test
    void fingerprintsAreSha256Base64WithoutPadding() throws Exception {
        String fp = HostKeys.fingerprint(ed25519().getPublic());
        assertTrue(Pattern.matches("SHA256:[A-Za-z0-9+/]{43}", fp), fp);
        assertEquals("ssh-ed25519", HostKeys.type(ed25519().getPublic()));
        assertEquals("ssh-rsa", HostKeys.type(rsa().getPublic()));
    }

    /** Known value: the SHA-256 of the key's wire encoding, as ssh-keygen -lf prints it. */
    @Test
    void fingerprintMatchesADigestOfTheWireEncoding() throws Exception {
        KeyPair a = ed25519();
        String base64 = HostKeys.openSshText(a.getPublic()).split(" ")[1];
        byte[] wire = java.util.Base64.getDecoder().decode(base64);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(wire);
        String expected = "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(digest);
        assertEquals(expected, HostKeys.fingerprint(a.getPublic()));
    }

    @Test
    void modesAreReadAsOctal() throws Exception {
        Path key = Files.createFile(dir.resolve("key"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("0644", Permissions.tooOpen(key).orElseThrow());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertTrue(Permissions.tooOpen(key).isEmpty());
    }
}
