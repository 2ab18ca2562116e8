package dev.rbee.contract.sse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseReaderTest {

    private static List<SseFrame> frames(String wire) throws IOException {
        List<SseFrame> out = new ArrayList<>();
        try (SseReader reader = new SseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)))) {
            for (Optional<SseFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
                out.add(f.get());
            }
        }
        return out;
    }

    @Test
    void rbeeFramingWithKeepAlivesAndDone() throws IOException {
        String wire = Sse.frame("{\"type\":\"token\",\"t\":\"a\",\"i\":0}") + Sse.KEEP_ALIVE
                + Sse.frame("{\"type\":\"end\"}") + Sse.DONE_FRAME;
        assertEquals(List.of(
                new SseFrame.Data("{\"type\":\"token\",\"t\":\"a\",\"i\":0}"),
                new SseFrame.Comment("keep-alive"),
                new SseFrame.Data("{\"type\":\"end\"}"),
                new SseFrame.Done()), frames(wire));
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() throws IOException {
        assertEquals(List.of(new SseFrame.Data("{\"a\":\n1}")), frames("data: {\"a\":\ndata: 1}\n\n"));
    }

    @Test
    void crlfAndCrLineEndingsAndOptionalSpace() throws IOException {
        assertEquals(List.of(new SseFrame.Data("x"), new SseFrame.Data(" y"), new SseFrame.Data("z")),
                frames("data:x\r\n\r\ndata:  y\r\rdata: z\n\n"));
    }

    @Test
    void eventIdAndRetryLinesAreIgnored() throws IOException {
        assertEquals(List.of(new SseFrame.Data("x")), frames("event: foo\nid: 7\nretry: 10\ndata: x\n\n"));
    }

    @Test
    void emptyDataIsNotDispatched() throws IOException {
        assertEquals(List.of(), frames("data:\n\n\n\n"));
    }

    @Test
    void leadingByteOrderMarkIsSkipped() throws IOException {
        assertEquals(List.of(new SseFrame.Data("x")), frames("\uFEFFdata: x\n\n"));
    }

    @Test
    void streamWithoutDoneJustEnds() throws IOException {
        assertEquals(List.of(new SseFrame.Data("a")), frames("data: a\n\n"));
    }

    @Test
    void dataWithoutTheFinalBlankLineIsDiscarded() throws IOException {
        assertEquals(List.of(new SseFrame.Data("a")), frames("data: a\n\ndata: {\"trunc"));
    }

    @Test
    void frameRefusesMultiLinePayloads() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Sse.frame("a\nb"));
    }

    @Test
    void contentTypeCheckAcceptsParameters() {
        org.junit.jupiter.api.Assertions.assertTrue(Sse.isEventStream("text/event-stream;charset=utf-8"));
        org.junit.jupiter.api.Assertions.assertFalse(Sse.isEventStream("text/plain"));
        org.junit.jupiter.api.Assertions.assertFalse(Sse.isEventStream(null));
    }
}
