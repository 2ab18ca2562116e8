package dev.rbee.keeper.cli;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.queen.QueenLifecycleListener;
import dev.rbee.keeper.queen.QueenSession;

import java.io.InputStream;

/** What a command needs from the program: streams, environment, Ctrl+C, and the global options. */
public record CliContext(Console console, KeeperEnvironment env, InputStream stdin, Interrupts interrupts,
                         GlobalOptions.Values globals, String commandPath) {

    public boolean json() {
        return globals.json();
    }

    /** Resolved and validated; throws USAGE_ERROR for a bad URL. */
    public QueenUrl queenUrl() {
        return QueenUrl.resolve(globals.queenUrl(), env.env(), env.config().queenUrl());
    }

    /** Lifecycle lines on stderr; none under {@code --json}, where stderr stays empty. */
    public QueenLifecycleListener queenMessages() {
        return json() ? QueenLifecycleListener.SILENT : new QueenMessages(console);
    }

    /** Opens queen as the command's need says (cli.md §4); closing the session stops an ephemeral queen. */
    public QueenSession openQueen(QueenSession.Need need) {
        return QueenSession.open(env, queenUrl(), need, queenMessages());
    }

    /** The result on stdout: with {@code --json} the value as the one JSON document, else what {@code human} prints. */
    public void print(Object value, Runnable human) {
        if (json()) {
            console.result(env.json().write(value));
        } else {
            human.run();
        }
    }

    public ErrorContext errorContext() {
        return ErrorContext.of(commandPath, env.home());
    }

    /** An error in the layout of cli.md §1 (stderr), or as JSON on stdout under {@code --json}. */
    public void printError(RbeeException e, ErrorContext context, boolean streaming) {
        if (!json()) {
            ErrorPresenter.lines(e, context).forEach(console::note);
        } else if (streaming) {
            console.result(ErrorPresenter.jsonLine(env.json(), e, context));
        } else {
            console.result(ErrorPresenter.jsonDocument(env.json(), e, context));
        }
    }
}
