package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.StopReason;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void summaryOfTheSpec() {
        assertEquals("[rbee-keeper] ✅ 20 tokens in 1.52 s (13.2 tok/s, first token after 210 ms, stop: MAX_TOKENS)",
                Formats.summary(EndEvent.of(20, 1515, StopReason.MAX_TOKENS), new MetricsEvent(13.2, 210), 999));
    }

    @Test
    void summaryShowsTheMatchedStopSequenceEscaped() {
        EndEvent end = new EndEvent(7, 500, StopReason.STOP_SEQUENCE, "\n\n", null, null);
        assertEquals("[rbee-keeper] ✅ 7 tokens in 0.50 s (14.0 tok/s, first token after 90 ms, "
                + "stop: STOP_SEQUENCE \"\\n\\n\")", Formats.summary(end, new MetricsEvent(14.0, 90), -1));
    }

    @Test
    void summaryWithoutMetricsComputesTheRateAndUsesKeepersOwnFirstTokenTime() {
        assertEquals("[rbee-keeper] ✅ 10 tokens in 2.00 s (5.0 tok/s, first token after 350 ms, stop: EOS)",
                Formats.summary(EndEvent.of(10, 2000, StopReason.EOS), null, 350));
        assertEquals("[rbee-keeper] ✅ 0 tokens in 0.00 s (0.0 tok/s, first token after 0 ms, stop: EOS)",
                Formats.summary(EndEvent.of(0, 0, StopReason.EOS), null, -1));
    }

    @Test
    void summaryIgnoresTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("[rbee-keeper] ✅ 20 tokens in 1.52 s (13.2 tok/s, first token after 210 ms, stop: "
                    + "MAX_TOKENS)", Formats.summary(EndEvent.of(20, 1515, StopReason.MAX_TOKENS),
                    new MetricsEvent(13.2, 210), -1));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void downloadProgressText() {
        assertEquals(" 40%  268.0 MB / 669.8 MB  12.5 MB/s  ETA 32s",
                Formats.download(268_000_000L, 669_800_000L, 12.5));
        assertEquals("  0%  0 B / 1.5 KB  0.0 MB/s  ETA --", Formats.download(0, 1_500, 0));
        assertEquals("[████████░░░░░░░░░░░░]", ProgressLine.bar(0.4));
    }

    @Test
    void escapeKeepsPrintableText() {
        assertEquals("END\\t\\\"q\\\"\\\\", Formats.escape("END\t\"q\"\\"));
    }
}
