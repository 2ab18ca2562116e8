package dev.rbee.keeper.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * Options accepted on every command, before or after the subcommand (cli.md §3). Mixed into each command rather
 * than inherited, and merged from the parse result, so the deepest value wins whatever position it had.
 */
public final class GlobalOptions {
    public static final String QUEEN_URL = "--queen-url";
    public static final String JSON = "--json";

    @Option(names = QUEEN_URL, paramLabel = "<url>",
            description = "Queen to talk to (env RBEE_QUEEN_URL; default http://127.0.0.1:8080)")
    String queenUrl;

    @Option(names = JSON, description = "Machine output: one JSON document, or JSON Lines for streams")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean help;

    /** The merged values. */
    public record Values(boolean json, String queenUrl) {
    }

    public static Values from(ParseResult parsed) {
        boolean json = false;
        String queenUrl = null;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            json |= level.hasMatchedOption(JSON);
            if (level.hasMatchedOption(QUEEN_URL)) {
                queenUrl = level.matchedOptionValue(QUEEN_URL, null);
            }
        }
        return new Values(json, queenUrl);
    }
}
