package dev.rbee.keeper.sshconfig;

import dev.rbee.contract.Ids;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenSSH client config (ssh_config(5)) read for importing its hosts as nodes: the {@code Host} aliases, and for
 * each the {@code HostName}, {@code User}, {@code Port} and {@code IdentityFile} ssh would use. As in ssh the first
 * value found wins, walking every block whose patterns match the alias (so a {@code Host *} block at the end fills
 * in defaults), and {@code Include} is followed.
 */
public final class SshConfig {
    public static final int DEFAULT_PORT = 22;
    private final ConfigReader reader;
    private final Path home;
    private final String localUser;

    private SshConfig(ConfigReader reader, Path home, String localUser) {
        this.reader = reader;
        this.home = home;
        this.localUser = localUser;
    }

    /**
     * Reads {@code file} and what it includes. {@code home} expands {@code ~} and holds {@code .ssh} for relative
     * includes; {@code localUser} is the {@code User} of hosts without one.
     *
     * @throws SshConfigException when a file cannot be read or holds a line ssh would refuse
     */
    public static SshConfig read(Path file, Path home, String localUser) {
        Path absoluteHome = home.toAbsolutePath();
        ConfigReader reader = new ConfigReader(absoluteHome);
        reader.read(file);
        return new SshConfig(reader, absoluteHome, localUser);
    }

    /** The words of the {@code Host} lines in order of first appearance, patterns included. */
    public List<String> aliases() {
        return reader.hostWords();
    }

    /** Why an alias cannot become a node by name alone: a pattern, or not a valid node name. */
    public static Optional<String> notANode(String alias) {
        if (HostPatterns.isPattern(alias)) {
            return Optional.of("a pattern, not a single host");
        }
        if (!Ids.isNodeName(alias)) {
            return Optional.of("not a valid node name (" + Ids.NODE_NAME.pattern() + ")");
        }
        return Optional.empty();
    }

    /** The settings ssh would use to connect to {@code alias}. */
    public SshHost host(String alias) {
        Map<String, ConfigLine> first = new HashMap<>();
        for (ConfigReader.Setting setting : reader.settings()) {
            if (setting.appliesTo(alias)) {
                first.putIfAbsent(setting.line().keyword(), setting.line());
            }
        }
        String hostName = value(first, "hostname").map(h -> tokens(h, alias, alias, null)).orElse(alias);
        String user = value(first, "user").orElse(localUser);
        String identity = value(first, "identityfile").filter(f -> !f.equalsIgnoreCase("none")).orElse(null);
        Optional<String> portText = value(first, "port");
        Integer port = portText.isPresent() ? port(portText.get()) : Integer.valueOf(DEFAULT_PORT);
        String problem = port == null ? "Port '" + portText.orElseThrow() + "' is not a number from 1 to 65535"
                : null;
        String keyPath = null;
        try {
            keyPath = identity == null ? null : keyPath(tokens(identity, alias, hostName, user));
        } catch (InvalidPathException e) {
            problem = "IdentityFile '" + identity + "' is not a valid path: " + e.getReason();
        }
        return new SshHost(alias, hostName, port, user, identity, keyPath, problem);
    }

    private static Optional<String> value(Map<String, ConfigLine> first, String keyword) {
        return Optional.ofNullable(first.get(keyword)).map(ConfigLine::value);
    }

    private static Integer port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Relative to the working folder like ssh's own; made absolute because queen reads the key. */
    private String keyPath(String identity) {
        return Path.of(Tilde.expand(identity, home)).toAbsolutePath().normalize().toString();
    }

    /**
     * The percent tokens of ssh_config(5) that need no connection: {@code %%}, {@code %h} (host name), {@code %n}
     * (alias), {@code %d} (home), {@code %u} (local user), {@code %r} (remote user). Others stay as written.
     */
    private String tokens(String text, String alias, String hostName, String remoteUser) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char t = text.charAt(++i);
            String replaced = switch (t) {
                case '%' -> "%";
                case 'h' -> hostName;
                case 'n' -> alias;
                case 'd' -> home.toString();
                case 'u' -> localUser;
                case 'r' -> remoteUser;
                default -> null;
            };
            out.append(replaced == null ? "%" + t : replaced);
        }
        return out.toString();
    }
}
