package dev.rbee.desktop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.keeper.infer.InferenceOutcome;
import org.junit.jupiter.api.Test;

/** Which numbers the playground shows when a run completes: the worker's metrics first, keeper's own otherwise. */
class RunStatsTest {
    private static final EndEvent END = EndEvent.of(40, 500, StopReason.MAX_TOKENS);

    @Test
    void theWorkersMetricsWin() {
        RunStats stats = RunStats.of(new InferenceOutcome.Completed(END, new MetricsEvent(123.45, 37), 90, "x"));
        assertEquals("37 ms", stats.timeToFirstTokenText());
        assertEquals("123.5 tokens/s", stats.tokensPerSecondText());
        assertEquals(40, stats.tokens());
    }

    @Test
    void withoutMetricsKeepersFirstTokenTimeAndTheEndEventCount() {
        RunStats stats = RunStats.of(new InferenceOutcome.Completed(END, null, 90, "x"));
        assertEquals("90 ms", stats.timeToFirstTokenText());
        assertEquals("80.0 tokens/s", stats.tokensPerSecondText(), "40 tokens in 500 ms");
    }

    @Test
    void noTokenAtAllShowsADash() {
        RunStats stats = RunStats.of(new InferenceOutcome.Completed(EndEvent.of(0, 0, StopReason.EOS), null, -1, ""));
        assertEquals("–", stats.timeToFirstTokenText());
        assertEquals("0.0 tokens/s", stats.tokensPerSecondText());
    }
}
