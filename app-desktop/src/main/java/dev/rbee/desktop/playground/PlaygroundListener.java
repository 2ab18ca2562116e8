package dev.rbee.desktop.playground;

import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.keeper.infer.InferenceListener;

import java.util.function.Consumer;

/**
 * Turns the stream into what the playground shows. Runs on the inference thread and keeps the answer in its own
 * buffer; the view model hands each snapshot to the UI executor, so the UI thread never waits on the network.
 */
final class PlaygroundListener implements InferenceListener {
    private final StringBuilder answer = new StringBuilder();
    private final Consumer<String> onAnswer;
    private final Consumer<String> onStatus;

    PlaygroundListener(Consumer<String> onAnswer, Consumer<String> onStatus) {
        this.onAnswer = onAnswer;
        this.onStatus = onStatus;
    }

    @Override
    public void event(SseEvent event, String rawJson) {
        switch (event) {
            case TokenEvent token -> {
                answer.append(token.t());
                onAnswer.accept(answer.toString());
            }
            case StartedEvent started -> onStatus.accept("Generating on " + started.node() + " ("
                    + started.workerId() + ")…");
            case NarrationEvent narration -> onStatus.accept(narration.human());
            case LoadingEvent loading -> onStatus.accept("Loading the model: layer " + loading.layersLoaded()
                    + " of " + loading.layersTotal());
            default -> {
                // end, metrics and errors come back as the run's outcome.
            }
        }
    }

    @Override
    public void cancelling(boolean jobStarted) {
        onStatus.accept(jobStarted ? "Cancelling…" : "Cancelled before the job started");
    }
}
