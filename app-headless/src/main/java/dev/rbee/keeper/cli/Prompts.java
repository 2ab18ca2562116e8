package dev.rbee.keeper.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Answers to {@code [y/N]} questions (cli.md §6.1, §7). A line is read byte by byte, never buffered ahead, so that
 * several questions in one command (import-ssh-config asks per host, and a host key may be asked in between) each
 * get their own line of what the user typed.
 */
public final class Prompts {
    private Prompts() {
    }

    /** Whether a question can be asked: stdin and stderr are terminals and no {@code --json}. */
    public static boolean canAsk(CliContext context) {
        return !context.json() && Console.isTerminal(0) && context.console().errIsTerminal();
    }

    /**
     * Prints {@code question} on stderr and reads the answer; only {@code y} and {@code yes} are yes. The read runs
     * on a daemon thread because a blocked read of stdin ignores interrupts: Ctrl+C (which interrupts this thread)
     * then answers "no" at once, as cli.md §12 wants, and the command ends with 130.
     */
    public static boolean ask(CliContext context, String question) {
        context.console().noteText(question);
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("rbee-keeper-prompt").start(() -> answer.complete(readLine(context.stdin())));
        try {
            String line = answer.get();
            return line != null && List.of("y", "yes").contains(line.strip().toLowerCase(Locale.ROOT));
        } catch (InterruptedException e) {
            // Not re-interrupted: the clean-up after Ctrl+C (stopping an ephemeral queen) must still wait.
            context.console().note("");
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** One line without its end; null at end of input or on a read error. */
    public static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
