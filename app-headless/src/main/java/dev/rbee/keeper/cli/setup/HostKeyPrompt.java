package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.Console;
import dev.rbee.keeper.cli.Prompts;
import dev.rbee.keeper.cli.Suggestions;
import dev.rbee.keeper.nodes.HostKeyQuestion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cli.md §6.1: an unknown host key on a terminal (stdin and stderr, no {@code --json}) is shown and the user is
 * asked; {@code y}/{@code yes} returns the fingerprint to resend with, anything else refuses. Elsewhere the
 * error stands as queen sent it.
 */
final class HostKeyPrompt {
    static final String QUESTION = "Trust this host key and continue? [y/N] ";

    private HostKeyPrompt() {
    }

    /** The fingerprint to accept, or empty when no question can be asked (the caller rethrows). */
    static Optional<String> ask(RbeeException e, CliContext context) {
        Optional<HostKeyQuestion> question = HostKeyQuestion.of(e);
        if (question.isEmpty() || !Prompts.canAsk(context)) {
            return Optional.empty();
        }
        Console console = context.console();
        console.note(question.get().authenticityLine());
        console.note(question.get().fingerprintLine());
        if (Prompts.ask(context, QUESTION)) {
            return Optional.of(question.get().fingerprint());
        }
        throw KeeperErrors.local("HOST_KEY_UNKNOWN", "Host key not trusted; nothing was changed",
                Map.of(Suggestions.DETAILS_KEY, List.of()));
    }

    /** {@code ssh-ed25519} → {@code ED25519}, as OpenSSH names key types in this message. */
    static String keyType(String sshName) {
        return HostKeyQuestion.keyTypeName(sshName);
    }
}
