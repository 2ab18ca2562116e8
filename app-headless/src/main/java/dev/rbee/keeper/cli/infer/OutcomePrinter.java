package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.json.Json;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.Console;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.infer.InferenceOutcome;
import dev.rbee.keeper.infer.PartialResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** The end of an {@code infer} (cli.md §10.2, §10.4, §12): summary, error with partial result, or cancel lines. */
final class OutcomePrinter {
    private final CliContext context;
    private final Console console;

    OutcomePrinter(CliContext context) {
        this.context = context;
        this.console = context.console();
    }

    int print(InferenceOutcome outcome, ErrorContext errors) {
        return switch (outcome) {
            case InferenceOutcome.Completed done -> completed(done);
            case InferenceOutcome.Failed failed -> failed(failed, errors);
            case InferenceOutcome.Canceled canceled -> canceled(canceled);
        };
    }

    private int completed(InferenceOutcome.Completed done) {
        if (!context.json()) {
            endTextLine(done.text());
            console.note(Formats.summary(done.end(), done.metrics(), done.localFirstTokenMs()));
        }
        return KeeperCli.OK;
    }

    private int failed(InferenceOutcome.Failed failed, ErrorContext errors) {
        if (context.json()) {
            if (!failed.fromEvent()) {
                context.printError(failed.error(), errors, true);
            }
            if (failed.partial() != null && failed.partial().file() != null) {
                console.result(partialSaved(context.env().json(), failed.partial()));
            }
            return KeeperCli.FAILED;
        }
        endTextLine(failed.text());
        context.printError(failed.error(), errors, true);
        if (failed.partial() != null) {
            partialLines(failed.partial());
        }
        return KeeperCli.FAILED;
    }

    private void partialLines(PartialResult partial) {
        if (!partial.hasTokens()) {
            console.note("  No tokens were generated");
            return;
        }
        console.note("  Tokens generated: " + partial.tokens() + " / " + partial.maxTokens());
        if (partial.file() != null) {
            console.note("  Partial result saved to: " + partial.file());
        } else {
            console.note("  Partial result could not be saved: " + partial.saveError());
        }
    }

    static String partialSaved(Json json, PartialResult partial) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "partial_saved");
        line.put("job_id", partial.jobId());
        line.put("path", partial.file().toString());
        line.put("tokens_out", partial.tokens());
        line.put("max_tokens", partial.maxTokens());
        return json.write(line);
    }

    private int canceled(InferenceOutcome.Canceled canceled) {
        if (!context.json()) {
            endTextLine(canceled.text());
            if (canceled.jobId() != null && canceled.confirmed()) {
                console.note("✅ Request canceled, slot released");
            } else if (canceled.jobId() != null) {
                console.note("⚠️ No confirmation within 5 s; job " + canceled.jobId() + " may still be running on "
                        + canceled.node());
            }
        }
        return KeeperCli.INTERRUPTED;
    }

    /** The text on stdout ends with a line end, so the shell prompt does not stick to it. */
    private void endTextLine(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            console.result("");
        }
    }
}
