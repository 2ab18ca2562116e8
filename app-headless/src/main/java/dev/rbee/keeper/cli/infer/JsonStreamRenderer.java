package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.sse.SseEvent;
import dev.rbee.keeper.cli.Console;
import dev.rbee.keeper.infer.InferenceListener;

/** {@code --json}: every event verbatim as one line on stdout, in arrival order; stderr stays empty. */
public final class JsonStreamRenderer implements InferenceListener {
    private final Console console;

    public JsonStreamRenderer(Console console) {
        this.console = console;
    }

    @Override
    public void event(SseEvent event, String rawJson) {
        console.result(rawJson);
    }
}
