package dev.rbee.keeper.sshconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSSH client config as {@code config import-ssh-config} reads it: real files in a temporary home. */
class SshConfigTest {
    @TempDir
    Path home;
    private Path ssh;

    @BeforeEach
    void sshFolder() throws IOException {
        ssh = Files.createDirectories(home.resolve(".ssh"));
    }

    private SshConfig config(String text) throws IOException {
        return SshConfig.read(write(ssh.resolve("config"), text), home, "me");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aHostBlockGivesHostNameUserPortAndAnExpandedKey() throws IOException {
        SshHost gpu = config("""
                Host gpu
                    HostName gpu.home.arpa
                    User ops
                    Port 2222
                    IdentityFile ~/.ssh/id_ed25519
                """).host("gpu");
        assertEquals(new SshHost("gpu", "gpu.home.arpa", 2222, "ops", "~/.ssh/id_ed25519",
                home.resolve(".ssh/id_ed25519").toString(), null), gpu);
        assertEquals("ops@gpu.home.arpa:2222", gpu.destination());
        assertEquals("~/.ssh/id_ed25519", gpu.keyShown());
    }

    @Test
    void missingFieldsTakeSshsDefaults() throws IOException {
        SshHost bare = config("Host bare\n").host("bare");
        assertEquals(new SshHost("bare", "bare", 22, "me", null, null, null), bare);
        assertEquals("(agent/default)", bare.keyShown());
    }

    @Test
    void severalAliasesOnOneLineShareTheBlockAndAreListedOnceInOrder() throws IOException {
        SshConfig config = config("""
                Host alpha beta
                  User ops
                Host gamma alpha
                  User other
                """);
        assertEquals(List.of("alpha", "beta", "gamma"), config.aliases());
        assertEquals("ops", config.host("alpha").user());
        assertEquals("ops", config.host("beta").user());
        assertEquals("other", config.host("gamma").user());
    }

    @Test
    void keywordsAndValuesMayBeJoinedByAnEqualsSign() throws IOException {
        SshHost host = config("""
                Host eq
                  Port=2200
                  User = ops
                  HostName= eq.example
                  IdentityFile =~/k
                """).host("eq");
        assertEquals(2200, host.port());
        assertEquals("ops", host.user());
        assertEquals("eq.example", host.hostName());
        assertEquals(home.resolve("k").toString(), host.keyPath());
    }

    @Test
    void keywordsIgnoreCase() throws IOException {
        SshHost host = config("HOST lab\n  HOSTNAME 10.0.0.7\n  uSeR ops\n  pOrT 2022\n").host("lab");
        assertEquals("ops@10.0.0.7:2022", host.destination());
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws IOException {
        SshConfig config = config("""
                # a comment
                   # an indented comment

                Host lab # trailing comment
                  User ops#not-a-comment
                  HostName "#literal"
                """);
        assertEquals(List.of("lab"), config.aliases());
        assertEquals("ops#not-a-comment", config.host("lab").user());
        assertEquals("#literal", config.host("lab").hostName());
    }

    @Test
    void quotesKeepSpacesAndBackslashesEscapeQuotes() throws IOException {
        SshConfig config = config("""
                Host spaced
                  IdentityFile "~/.ssh/my key"
                Host single
                  IdentityFile '/keys/a b'
                Host escaped
                  IdentityFile "/keys/say \\"hi\\""
                Host bare
                  IdentityFile /keys/x\\ y
                """);
        assertEquals(home.resolve(".ssh/my key").toString(), config.host("spaced").keyPath());
        assertEquals("~/.ssh/my key", config.host("spaced").keyShown());
        assertEquals("/keys/a b", config.host("single").keyPath());
        assertEquals("/keys/say \"hi\"", config.host("escaped").keyPath());
        assertEquals("/keys/x y", config.host("bare").keyPath());
    }

    @Test
    void anUnterminatedQuoteNamesFileAndLine() throws IOException {
        SshConfigException e = assertThrows(SshConfigException.class,
                () -> config("Host a\n  IdentityFile \"/keys/open\n"));
        assertEquals(ssh.resolve("config") + " line 2: unterminated quote (\")", e.getMessage());
        assertFalse(e.notFound());
    }

    @Test
    void aKeywordWithoutValueIsRefusedAsSshWould() throws IOException {
        SshConfigException e = assertThrows(SshConfigException.class, () -> config("Host a\n  HostName\n"));
        assertEquals(ssh.resolve("config") + " line 2: HostName needs a value", e.getMessage());
        assertThrows(SshConfigException.class, () -> config("Host\n"));
        assertThrows(SshConfigException.class, () -> config("=value\n"));
    }

    @Test
    void theFirstValueWinsAndWildcardBlocksFillIn() throws IOException {
        SshConfig config = config("""
                Host gpu
                  User ops
                Host gpu
                  User second
                Host * !bastion
                  User fallback
                  IdentityFile ~/.ssh/id_default
                  Port 2022
                Host bastion
                  HostName bastion.example
                """);
        SshHost gpu = config.host("gpu");
        assertEquals("ops", gpu.user());
        assertEquals(2022, gpu.port());
        assertEquals(home.resolve(".ssh/id_default").toString(), gpu.keyPath());
        SshHost bastion = config.host("bastion");
        assertEquals("me", bastion.user());
        assertEquals(22, bastion.port());
        assertNull(bastion.keyPath());
    }

    @Test
    void settingsBeforeTheFirstHostApplyToEveryHost() throws IOException {
        SshConfig config = config("User global\nHost one\n  User own\nHost two\n");
        assertEquals("global", config.host("one").user());
        assertEquals("global", config.host("two").user());
    }

    @Test
    void patternsAndInvalidNamesCannotBeNodes() throws IOException {
        SshConfig config = config("Host * *.home.arpa gpu? !bastion Bad_Name a.b gpu-box\n");
        assertEquals(List.of("*", "*.home.arpa", "gpu?", "!bastion", "Bad_Name", "a.b", "gpu-box"),
                config.aliases());
        for (String pattern : List.of("*", "*.home.arpa", "gpu?", "!bastion")) {
            assertEquals(Optional.of("a pattern, not a single host"), SshConfig.notANode(pattern), pattern);
        }
        for (String invalid : List.of("Bad_Name", "a.b", "-lead", "x".repeat(64))) {
            assertEquals(Optional.of("not a valid node name ([a-z0-9][a-z0-9-]{0,62})"), SshConfig.notANode(invalid),
                    invalid);
        }
        assertEquals(Optional.empty(), SshConfig.notANode("gpu-box"));
    }

    @Test
    void garbageInPathsIsAProblemNotACrash() throws IOException {
        SshConfig config = config("Host nul\n  IdentityFile /keys/a\u0000b\nHost fine\n");
        assertTrue(config.host("nul").problem().startsWith("IdentityFile '/keys/a\u0000b' is not a valid path"),
                config.host("nul").problem());
        assertNull(config.host("fine").problem());
        SshConfigException e = assertThrows(SshConfigException.class, () -> config("Include /x\u0000y\n"));
        assertTrue(e.getMessage().endsWith("line 1: Include path '/x\u0000y' is invalid: Nul character not allowed"),
                e.getMessage());
    }

    @Test
    void aBadPortIsAProblemOfThatHostOnly() throws IOException {
        SshConfig config = config("""
                Host words
                  Port ssh
                Host zero
                  Port 0
                Host big
                  Port 70000
                Host fine
                """);
        assertEquals("Port 'ssh' is not a number from 1 to 65535", config.host("words").problem());
        assertNull(config.host("words").port());
        assertEquals("Port '0' is not a number from 1 to 65535", config.host("zero").problem());
        assertEquals("Port '70000' is not a number from 1 to 65535", config.host("big").problem());
        assertNull(config.host("fine").problem());
    }

    @Test
    void includeIsRelativeToDotSshExpandsGlobsInOrderAndSkipsHiddenFiles() throws IOException {
        write(ssh.resolve("config.d/20-b.conf"), "Host bravo\n  User b\n");
        write(ssh.resolve("config.d/10-a.conf"), "Host alpha\n  User a\n");
        write(ssh.resolve("config.d/.hidden.conf"), "Host hidden\n");
        write(ssh.resolve("config.d/notes.txt"), "Host notes\n");
        SshConfig config = config("Include config.d/*.conf\nHost last\n");
        assertEquals(List.of("alpha", "bravo", "last"), config.aliases());
        assertEquals("b", config.host("bravo").user());
    }

    @Test
    void includeTakesAbsoluteAndTildePathsAndSeveralWords() throws IOException {
        Path elsewhere = write(home.resolve("elsewhere/hosts"), "Host abs\n");
        write(home.resolve("tilde.conf"), "Host tilde\n");
        write(ssh.resolve("rel.conf"), "Host rel\n");
        SshConfig config = config("Include " + elsewhere + " ~/tilde.conf rel.conf missing.conf nothing/*\n");
        assertEquals(List.of("abs", "tilde", "rel"), config.aliases());
    }

    @Test
    void globsWorkInFolderNamesToo() throws IOException {
        write(ssh.resolve("teams/red/hosts"), "Host red\n");
        write(ssh.resolve("teams/blue/hosts"), "Host blue\n");
        assertEquals(List.of("blue", "red"), config("Include teams/*/hosts\n").aliases());
    }

    @Test
    void includeInsideAHostBlockAppliesOnlyToThatHost() throws IOException {
        write(ssh.resolve("ops.conf"), "User ops\nHost gpu\n  Port 2200\n");
        SshConfig config = config("""
                Host gpu lab
                  Include ops.conf
                  HostName after.include
                Host other
                """);
        assertEquals(List.of("gpu", "lab", "other"), config.aliases());
        assertEquals("ops", config.host("gpu").user());
        assertEquals(2200, config.host("gpu").port());
        assertEquals("after.include", config.host("gpu").hostName());
        assertEquals("ops", config.host("lab").user());
        assertEquals(22, config.host("lab").port());
        assertEquals("me", config.host("other").user());
    }

    @Test
    void anIncludeLoopIsAnErrorNotAHang() throws IOException {
        write(ssh.resolve("loop.conf"), "Include loop.conf\n");
        SshConfigException e = assertThrows(SshConfigException.class, () -> config("Include loop.conf\n"));
        assertTrue(e.getMessage().contains("Include nested more than 16 deep"), e.getMessage());
    }

    @Test
    void pathsWithSpacesWorkForTheFileAndItsIncludes() throws IOException {
        Path folder = home.resolve("my configs");
        write(folder.resolve("conf d/one.conf"), "Host one\n  IdentityFile \"~/my keys/one key\"\n");
        Path file = write(folder.resolve("ssh config"), "Include \"" + folder + "/conf d/*.conf\"\n");
        SshConfig config = SshConfig.read(file, home, "me");
        assertEquals(List.of("one"), config.aliases());
        assertEquals(home.resolve("my keys/one key").toString(), config.host("one").keyPath());
    }

    @Test
    void aMissingFileIsNotFoundAndAFolderOrUnreadableFileIsNamed() throws IOException {
        Path missing = home.resolve("no such/config");
        SshConfigException notFound = assertThrows(SshConfigException.class,
                () -> SshConfig.read(missing, home, "me"));
        assertTrue(notFound.notFound());
        assertEquals("SSH config not found: " + missing, notFound.getMessage());
        SshConfigException folder = assertThrows(SshConfigException.class, () -> SshConfig.read(ssh, home, "me"));
        assertEquals("Cannot read SSH config " + ssh + ": it is a directory", folder.getMessage());
        Path locked = write(ssh.resolve("locked"), "Host x\n");
        assertTrue(locked.toFile().setReadable(false, false));
        if (!Files.isReadable(locked)) { // root reads everything
            SshConfigException denied = assertThrows(SshConfigException.class,
                    () -> SshConfig.read(locked, home, "me"));
            assertEquals("Cannot read SSH config " + locked + ": permission denied", denied.getMessage());
        }
    }

    @Test
    void matchBlocksAreSkippedAndMatchAllEndsThem() throws IOException {
        SshConfig config = config("""
                Host gpu
                Match host gpu exec "true"
                  User from-match
                Match all
                  Port 2222
                """);
        assertEquals("me", config.host("gpu").user());
        assertEquals(2222, config.host("gpu").port());
    }

    @Test
    void percentTokensThatNeedNoConnectionAreExpanded() throws IOException {
        SshConfig config = config("""
                Host gpu
                  HostName %h.home.arpa
                  User ops
                  IdentityFile %d/keys/%n-%r-%u_100%%
                Host nokey
                  IdentityFile none
                """);
        SshHost gpu = config.host("gpu");
        assertEquals("gpu.home.arpa", gpu.hostName());
        assertEquals(home.resolve("keys/gpu-ops-me_100%").toString(), gpu.keyPath());
        assertNull(config.host("nokey").keyPath());
    }

    @Test
    void windowsLineEndsAndTabsAreWhiteSpace() throws IOException {
        SshHost host = config("Host\tcrlf\r\n\tUser\tops\r\n\tPort\t2022\r\n").host("crlf");
        assertEquals("ops@crlf:2022", host.destination());
    }

    @Test
    void wildcardsMatchAsSshDoes() {
        assertTrue(HostPatterns.wildcard("*", ""));
        assertTrue(HostPatterns.wildcard("*.home.arpa", "gpu.home.arpa"));
        assertFalse(HostPatterns.wildcard("*.home.arpa", "home.arpa"));
        assertTrue(HostPatterns.wildcard("gpu?", "gpu1"));
        assertFalse(HostPatterns.wildcard("gpu?", "gpu12"));
        assertTrue(HostPatterns.wildcard("a*b*c", "aXbYbZc"));
        assertTrue(HostPatterns.matches(List.of("GPU*"), "gpu1"));
        assertFalse(HostPatterns.matches(List.of("*", "!gpu1"), "gpu1"));
        assertFalse(HostPatterns.matches(List.of("!gpu1"), "other"));
    }

    @Test
    void wordsSplitLikeSsh() {
        assertEquals(List.of("a", "b c", "d\"e", ""), ConfigLine.words("a \"b c\" d\\\"e ''"));
        assertEquals(List.of("x"), ConfigLine.words("  x   # rest"));
        assertEquals(List.of("mid\"dle"), ConfigLine.words("'mid\"dle'"));
    }
}
