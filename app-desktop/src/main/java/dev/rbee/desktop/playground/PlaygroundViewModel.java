package dev.rbee.desktop.playground;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.infer.InferenceOptions;
import dev.rbee.keeper.infer.InferenceOptionsValidator;
import dev.rbee.keeper.infer.InferenceOutcome;
import dev.rbee.keeper.infer.InferenceRun;
import dev.rbee.keeper.infer.PartialResults;
import dev.rbee.keeper.infer.StopSequences;
import dev.rbee.keeper.queen.QueenSession;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The playground: the fields of {@code rbee-keeper infer} and one run at a time through the keeper core's
 * {@link InferenceRun}, exactly as the CLI runs it. Blocking work goes to {@code background}; every property change
 * goes through {@code ui} (the FX thread in the app, the calling thread in tests), so the properties are only ever
 * touched on one thread.
 */
public final class PlaygroundViewModel {
    public static final String DEFAULT_MODEL = "demo:tiny";
    public static final String DEFAULT_NODE = "localhost";

    private final StringProperty model = new SimpleStringProperty(DEFAULT_MODEL);
    private final StringProperty node = new SimpleStringProperty(DEFAULT_NODE);
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty maxTokens = new SimpleStringProperty(
            String.valueOf(InferenceOptionsValidator.DEFAULT_MAX_TOKENS));
    private final StringProperty temperature = new SimpleStringProperty(
            String.valueOf(InferenceOptionsValidator.DEFAULT_TEMPERATURE));
    private final StringProperty topP = new SimpleStringProperty("");
    private final StringProperty topK = new SimpleStringProperty("");
    private final StringProperty seed = new SimpleStringProperty("");
    private final StringProperty stop = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty timeToFirstToken = new SimpleStringProperty("");
    private final StringProperty tokensPerSecond = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanBinding demoModel = Bindings.createBooleanBinding(
            () -> ModelRef.DEMO_TINY.equals(model.get() == null ? null : model.get().trim()), model);

    private final Supplier<QueenSession> sessions;
    private final RbeeHome home;
    private final Executor background;
    private final Executor ui;
    private final Object lock = new Object();
    private InferenceRun current;
    private boolean cancelRequested;

    /** {@code sessions} blocks until queen answers (it may start one) and throws RbeeException when it cannot. */
    public PlaygroundViewModel(Supplier<QueenSession> sessions, RbeeHome home, Executor background, Executor ui) {
        this.sessions = sessions;
        this.home = home;
        this.background = background;
        this.ui = ui;
    }

    /** Starts a run unless one is running; call on the UI thread. */
    public void run() {
        if (running.get()) {
            return;
        }
        InferenceOptions options = options();
        running.set(true);
        answer.set("");
        error.set("");
        timeToFirstToken.set("");
        tokensPerSecond.set("");
        status.set("Connecting to queen-rbee…");
        synchronized (lock) {
            cancelRequested = false;
        }
        background.execute(() -> execute(options));
    }

    /** Sends the cancel ({@code DELETE /v2/tasks/{id}}) without blocking the caller; the outcome ends the run. */
    public void cancel() {
        InferenceRun run;
        synchronized (lock) {
            cancelRequested = true;
            run = current;
        }
        if (run != null) {
            background.execute(run::cancel);
        }
    }

    private void execute(InferenceOptions options) {
        ErrorContext context = new ErrorContext("infer", home, orDefault(options.node(), DEFAULT_NODE),
                options.model(), null);
        try {
            TaskRequest request = InferenceOptionsValidator.validate(options);
            QueenSession session = sessions.get();
            PlaygroundListener listener = new PlaygroundListener(text -> ui.execute(() -> answer.set(text)),
                    text -> ui.execute(() -> status.set(text)));
            InferenceRun run = new InferenceRun(session.client(InferenceRun.IDLE_LIMIT), session.url(), request,
                    new PartialResults(home.root().resolve("partial")), listener);
            if (!attach(run)) {
                ui.execute(() -> finish("Cancelled before the job started"));
                return;
            }
            InferenceOutcome outcome = run.run();
            ui.execute(() -> show(outcome, context));
        } catch (RbeeException e) {
            ui.execute(() -> {
                error.set(String.join("\n", ErrorPresenter.lines(e, context)));
                finish("Failed");
            });
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
    }

    /** False when Cancel came while queen was being reached: the request is then never sent. */
    private boolean attach(InferenceRun run) {
        synchronized (lock) {
            current = run;
            return !cancelRequested;
        }
    }

    private void show(InferenceOutcome outcome, ErrorContext context) {
        switch (outcome) {
            case InferenceOutcome.Completed completed -> {
                RunStats stats = RunStats.of(completed);
                answer.set(completed.text());
                timeToFirstToken.set(stats.timeToFirstTokenText());
                tokensPerSecond.set(stats.tokensPerSecondText());
                finish("Done: " + stats.tokens() + " tokens (" + completed.end().stopReason() + ")");
            }
            case InferenceOutcome.Failed failed -> {
                answer.set(failed.text());
                error.set(String.join("\n", ErrorPresenter.lines(failed.error(), context)));
                finish("Failed");
            }
            case InferenceOutcome.Canceled canceled -> {
                answer.set(canceled.text());
                finish(canceled.confirmed() || canceled.jobId() == null ? "Cancelled"
                        : "Cancel sent; queen did not confirm it within 5 s");
            }
        }
    }

    private void finish(String statusText) {
        status.set(statusText);
        running.set(false);
    }

    /** Blank fields mean "not given", so the keeper core applies the same defaults as for the CLI. */
    InferenceOptions options() {
        List<String> stops = Arrays.stream(stop.get().split("\n")).filter(s -> !s.isEmpty()).toList();
        return new InferenceOptions(given(node), given(model), prompt.get(), given(maxTokens), given(temperature),
                given(topP), given(topK), null, null, given(seed), StopSequences.unescape(stops), null, null);
    }

    private static String given(StringProperty field) {
        String value = field.get();
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    public StringProperty modelProperty() { return model; }
    public StringProperty nodeProperty() { return node; }
    public StringProperty promptProperty() { return prompt; }
    public StringProperty maxTokensProperty() { return maxTokens; }
    public StringProperty temperatureProperty() { return temperature; }
    public StringProperty topPProperty() { return topP; }
    public StringProperty topKProperty() { return topK; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty stopProperty() { return stop; }
    public StringProperty answerProperty() { return answer; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public StringProperty timeToFirstTokenProperty() { return timeToFirstToken; }
    public StringProperty tokensPerSecondProperty() { return tokensPerSecond; }
    public BooleanProperty runningProperty() { return running; }
    /** True while the model is demo:tiny, whose random weights make any answer gibberish. */
    public BooleanBinding demoModelProperty() { return demoModel; }
}
