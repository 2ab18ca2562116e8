package dev.rbee.engine.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.rbee.engine.EngineException;
import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.StopReason;
import dev.rbee.engine.StopSequenceMatcher;
import dev.rbee.engine.TokenSink;
import dev.rbee.engine.Utf8Assembler;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * One generation on one context: decode the prompt, then sample, report and decode one token at a time. The sampler
 * chain follows api.md §5.6: repetition penalty, temperature, top-k, top-p, min-p, then the seeded draw.
 */
final class FfmGeneration {
    private static final int PENALTY_LAST_N = 64;
    private static final int BATCH = 512;

    private final LlamaCApi api;
    private final MemorySegment vocab;
    private final MemorySegment context;

    FfmGeneration(LlamaCApi api, MemorySegment vocab, MemorySegment context) {
        this.api = api;
        this.vocab = vocab;
        this.context = context;
    }

    GenerationResult run(GenerationRequest request, TokenSink sink, BooleanSupplier cancelled) {
        long start = System.nanoTime(); // time to first token includes reading the prompt
        try (Arena arena = Arena.ofConfined()) {
            api.kvSelfClear.invokeExact(context);
            int contextSize = (int) api.nCtx.invokeExact(context);
            int[] prompt = tokenize(arena, request.prompt());
            if (prompt.length >= contextSize) {
                throw new EngineException("the prompt is " + prompt.length + " tokens, the context holds "
                        + contextSize, EngineException.Kind.INFERENCE);
            }
            decodePrompt(arena, prompt);
            MemorySegment chain = samplerChain(arena, request);
            try {
                return generate(arena, chain, request, sink, cancelled, new Budget(prompt.length, contextSize),
                        start);
            } finally {
                api.samplerFree.invokeExact(chain);
            }
        } catch (EngineException e) {
            throw e;
        } catch (Throwable e) {
            throw new EngineException("generation failed: " + e, EngineException.Kind.INFERENCE, e);
        }
    }

    private GenerationResult generate(Arena arena, MemorySegment chain, GenerationRequest request, TokenSink sink,
                                      BooleanSupplier cancelled, Budget budget, long start) throws Throwable {
        Utf8Assembler utf8 = new Utf8Assembler();
        StopSequenceMatcher stops = new StopSequenceMatcher(request.stop());
        MemorySegment one = arena.allocate(JAVA_INT);
        long firstToken = -1;
        int tokens = 0;
        while (true) {
            if (tokens >= request.maxTokens() || tokens >= budget.room()) {
                return end(sink, utf8, stops, tokens, StopReason.MAX_TOKENS, null, budget, start, firstToken);
            }
            if (cancelled.getAsBoolean()) {
                return end(null, utf8, stops, tokens, StopReason.CANCELLED, null, budget, start, firstToken);
            }
            int token = (int) api.samplerSample.invokeExact(chain, context, -1);
            if ((boolean) api.vocabIsEog.invokeExact(vocab, token)) {
                return end(sink, utf8, stops, tokens, StopReason.EOS, null, budget, start, firstToken);
            }
            tokens++;
            firstToken = firstToken < 0 ? System.nanoTime() - start : firstToken;
            sink.token(stops.feed(utf8.feed(piece(arena, token))));
            if (stops.matched() != null) {
                return end(null, utf8, stops, tokens, StopReason.STOP_SEQUENCE, stops.matched(), budget, start,
                        firstToken);
            }
            one.set(JAVA_INT, 0, token);
            decode(one, 1);
        }
    }

    /** Text still held back (an unfinished character, a possible stop-sequence start) leaves with the end. */
    /** The prompt's tokens and the context they share with the generated ones. */
    private record Budget(int promptTokens, int contextSize) {
        int room() {
            return contextSize - promptTokens;
        }
    }

    private static GenerationResult end(TokenSink sink, Utf8Assembler utf8, StopSequenceMatcher stops, int tokens,
                                        StopReason reason, String matched, Budget budget, long start,
                                        long firstToken) {
        if (sink != null) {
            String rest = stops.feed(utf8.flush()) + stops.flush();
            if (!rest.isEmpty()) {
                sink.token(rest);
            }
        }
        return new GenerationResult(tokens, reason, matched, System.nanoTime() - start, Math.max(0, firstToken),
                budget.promptTokens());
    }

    private int[] tokenize(Arena arena, String text) throws Throwable {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment textSegment = arena.allocate(utf8.length + 1L);
        MemorySegment.copy(utf8, 0, textSegment, JAVA_BYTE, 0, utf8.length);
        int capacity = utf8.length + 8;
        MemorySegment out = arena.allocate(JAVA_INT, capacity);
        int n = (int) api.tokenize.invokeExact(vocab, textSegment, utf8.length, out, capacity, true, false);
        if (n < 0) {
            throw new EngineException("could not tokenize the prompt (" + n + ")", EngineException.Kind.INFERENCE);
        }
        return out.asSlice(0, (long) n * Integer.BYTES).toArray(JAVA_INT);
    }

    private void decodePrompt(Arena arena, int[] prompt) throws Throwable {
        MemorySegment tokens = arena.allocateFrom(JAVA_INT, prompt);
        for (int offset = 0; offset < prompt.length; offset += BATCH) {
            int n = Math.min(BATCH, prompt.length - offset);
            decode(tokens.asSlice((long) offset * Integer.BYTES), n);
        }
    }

    private void decode(MemorySegment tokens, int n) throws Throwable {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment batch = (MemorySegment) api.batchGetOne.invokeExact((SegmentAllocator) call, tokens, n);
            int status = (int) api.decode.invokeExact(context, batch);
            if (status != 0) {
                throw new EngineException("llama_decode failed with " + status, EngineException.Kind.INFERENCE);
            }
        }
    }

    private byte[] piece(Arena arena, int token) throws Throwable {
        MemorySegment buffer = arena.allocate(256);
        int n = (int) api.tokenToPiece.invokeExact(vocab, token, buffer, 256, 0, false);
        if (n < 0) {
            buffer = arena.allocate(-n);
            n = (int) api.tokenToPiece.invokeExact(vocab, token, buffer, -n, 0, false);
        }
        return buffer.asSlice(0, Math.max(0, n)).toArray(JAVA_BYTE);
    }

    private MemorySegment samplerChain(Arena arena, GenerationRequest r) throws Throwable {
        MemorySegment params = (MemorySegment) api.samplerChainDefaultParams.invokeExact((SegmentAllocator) arena);
        params.set(JAVA_BOOLEAN, 0, true); // no_perf
        MemorySegment chain = (MemorySegment) api.samplerChainInit.invokeExact(params);
        if (r.repetitionPenalty() != 1.0) {
            add(chain, (MemorySegment) api.samplerInitPenalties.invokeExact(PENALTY_LAST_N,
                    (float) r.repetitionPenalty(), 0f, 0f));
        }
        if (r.temperature() <= 0) {
            add(chain, (MemorySegment) api.samplerInitGreedy.invokeExact());
            return chain;
        }
        add(chain, (MemorySegment) api.samplerInitTemp.invokeExact((float) r.temperature()));
        if (r.topK() > 0) {
            add(chain, (MemorySegment) api.samplerInitTopK.invokeExact(r.topK()));
        }
        if (r.topP() < 1.0) {
            add(chain, (MemorySegment) api.samplerInitTopP.invokeExact((float) r.topP(), 1L));
        }
        if (r.minP() > 0) {
            add(chain, (MemorySegment) api.samplerInitMinP.invokeExact((float) r.minP(), 1L));
        }
        add(chain, (MemorySegment) api.samplerInitDist.invokeExact(seed32(r.seed())));
        return chain;
    }

    private void add(MemorySegment chain, MemorySegment sampler) throws Throwable {
        api.samplerChainAdd.invokeExact(chain, sampler);
    }

    /** llama.cpp seeds with 32 bits; fold the API's 63-bit seed deterministically. */
    static int seed32(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
