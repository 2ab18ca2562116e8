package dev.rbee.keeper.queen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** S086: a command that needs a running queen tries 3 times, 100 ms and 200 ms apart, while nobody answers. */
class QueenSessionRetryTest {
    private static final QueenProbe.Result NOBODY = new QueenProbe.Result(QueenProbe.Answer.NOBODY, null);
    private static final QueenProbe.Result FOREIGN = new QueenProbe.Result(QueenProbe.Answer.FOREIGN, null);

    @Test
    void nobodyAnsweringIsTriedThreeTimes() {
        AtomicInteger probes = new AtomicInteger();
        List<Long> sleeps = new ArrayList<>();
        QueenProbe.Result result = QueenSession.withRetries(() -> {
            probes.incrementAndGet();
            return NOBODY;
        }, sleeps::add);
        assertEquals(QueenProbe.Answer.NOBODY, result.answer());
        assertEquals(3, probes.get());
        assertEquals(List.of(100L, 200L), sleeps);
    }

    @Test
    void anAnswerEndsTheRetries() {
        AtomicInteger probes = new AtomicInteger();
        List<Long> sleeps = new ArrayList<>();
        QueenProbe.Result result = QueenSession.withRetries(() -> probes.incrementAndGet() == 2 ? FOREIGN : NOBODY,
                sleeps::add);
        assertEquals(QueenProbe.Answer.FOREIGN, result.answer());
        assertEquals(2, probes.get());
        assertEquals(List.of(100L), sleeps);
    }
}
