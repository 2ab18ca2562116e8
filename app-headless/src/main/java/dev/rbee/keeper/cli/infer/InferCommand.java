package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.infer.StopSequences;
import dev.rbee.keeper.infer.InferenceListener;
import dev.rbee.keeper.infer.InferenceOptions;
import dev.rbee.keeper.infer.InferenceOptionsValidator;
import dev.rbee.keeper.infer.InferenceOutcome;
import dev.rbee.keeper.infer.InferenceRun;
import dev.rbee.keeper.infer.PartialResults;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code rbee-keeper infer} (cli.md §10). Numbers are read as text so all their problems are reported at once. */
@Command(name = "infer", description = "Run one prompt on a node and stream the tokens to stdout.")
public final class InferCommand implements KeeperCommand {
    private static final String DEMO_WARNING = "[rbee-keeper] ⚠️ demo:tiny has random weights: its output is "
            + "meaningless and only shows that the cluster works.";

    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", paramLabel = "<node>", description = "Node to run on (default localhost)")
    String node;
    @Option(names = "--model", paramLabel = "<model-ref>",
            description = "hf:<org>/<repo>[:<file-or-quant>], file:/abs/path/model.gguf or demo:tiny")
    String model;
    @Option(names = "--prompt", paramLabel = "<text>", description = "The prompt; - reads it from stdin")
    String prompt;
    @Option(names = "--max-tokens", paramLabel = "<n>", description = "1-1000000 (default 20)")
    String maxTokens;
    @Option(names = "--temperature", paramLabel = "<t>", description = "0.0-2.0, 0 = greedy (default 0.7)")
    String temperature;
    @Option(names = "--top-p", paramLabel = "<p>", description = "0.0-1.0 (default 1.0)")
    String topP;
    @Option(names = "--top-k", paramLabel = "<k>", description = "integer >= 0, 0 = off (default 0)")
    String topK;
    @Option(names = "--min-p", paramLabel = "<p>", description = "0.0-1.0, 0 = off (default 0.0)")
    String minP;
    @Option(names = "--repetition-penalty", paramLabel = "<r>", description = "up to 2.0, 1.0 = off (default 1.0)")
    String repetitionPenalty;
    @Option(names = "--seed", paramLabel = "<seed>", description = "0-9223372036854775807 (default: worker picks)")
    String seed;
    @Option(names = "--stop", paramLabel = "<text>", description = "Stop sequence; repeatable, at most 4")
    List<String> stop;
    @Option(names = "--backend", paramLabel = "<backend>", description = "cpu, cuda or metal (default: queen decides)")
    String backend;
    @Option(names = "--device", paramLabel = "<index>", description = "Device index >= 0; needs --backend")
    String device;

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public int execute(CliContext context) {
        InferenceOptions options = options(context).withDefaults(context.env().config().defaults());
        ErrorContext errors = new ErrorContext("infer", context.env().home(),
                options.node() == null ? "localhost" : options.node(), options.model(), null);
        try {
            TaskRequest request = InferenceOptionsValidator.validate(options);
            if (ModelRef.DEMO_TINY.equals(request.model()) && !context.json()) {
                context.console().note(DEMO_WARNING);
            }
            return run(context, context.queenUrl(), request, errors);
        } catch (RbeeException e) {
            context.printError(e, errors, true);
            return KeeperCli.FAILED;
        }
    }

    private int run(CliContext context, QueenUrl url, TaskRequest request, ErrorContext errors) {
        try (QueenSession session = QueenSession.open(context.env(), url, QueenSession.Need.AUTO_START,
                context.queenMessages())) {
            HumanStreamRenderer human = context.json() ? null : new HumanStreamRenderer(context.console(), request);
            InferenceListener listener = human != null ? human : new JsonStreamRenderer(context.console());
            PartialResults partials = new PartialResults(context.env().home().root().resolve("partial"));
            InferenceRun run = new InferenceRun(session.client(InferenceRun.IDLE_LIMIT), url, request, partials,
                    listener);
            InferenceOutcome outcome;
            context.interrupts().onFirstInterrupt(run::cancel);
            try {
                outcome = run.run();
            } finally {
                context.interrupts().clearAction();
            }
            if (context.interrupts().repeated()) {
                // A stream read may have swallowed the interrupt; re-raise it so stopping the queen does not wait.
                Thread.currentThread().interrupt();
            }
            ErrorContext withWorker = human == null ? errors : errors.withWorkerId(human.workerId());
            return new OutcomePrinter(context).print(outcome, withWorker);
        }
    }

    private InferenceOptions options(CliContext context) {
        return new InferenceOptions(node, model, readPrompt(context), maxTokens, temperature, topP, topK, minP,
                repetitionPenalty, seed, StopSequences.unescape(stop), backend, device);
    }

    /** {@code --prompt -} reads the prompt from stdin as UTF-8, up to end of file. */
    private String readPrompt(CliContext context) {
        if (!"-".equals(prompt)) {
            return prompt;
        }
        try {
            return new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the prompt from stdin", e);
        }
    }
}
