package dev.rbee.engine.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.args.Sampler;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.StopReason;
import dev.rbee.engine.StopSequenceMatcher;
import dev.rbee.engine.TokenSink;
import java.util.function.BooleanSupplier;

/** One loaded llama.cpp model; its built-in server slots let several generations run at once. */
final class LlamaCppModel implements LoadedModel {
    private final LlamaModel model;

    LlamaCppModel(LlamaModel model) {
        this.model = model;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenSink sink, BooleanSupplier cancelled) {
        StopSequenceMatcher stops = new StopSequenceMatcher(request.stop());
        long start = System.nanoTime();
        long firstToken = -1;
        int tokens = 0;
        int promptTokens = model.encode(request.prompt()).length + 1; // llama-server adds BOS, encode() does not
        LlamaIterator outputs = model.generate(parameters(request)).iterator();
        try {
            while (outputs.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    outputs.cancel();
                    return result(tokens, StopReason.CANCELLED, null, start, firstToken, promptTokens);
                }
                LlamaOutput output = outputs.next();
                // The binding holds back the bytes of an unfinished UTF-8 character and sends them with the token
                // that completes it, and it ends every stream with empty outputs. An empty output is no token.
                if (output.text.isEmpty()) {
                    continue;
                }
                if (firstToken < 0) {
                    firstToken = System.nanoTime() - start;
                }
                tokens++;
                sink.token(stops.feed(output.text));
                if (stops.matched() != null) {
                    outputs.cancel();
                    return result(tokens, StopReason.STOP_SEQUENCE, stops.matched(), start, firstToken, promptTokens);
                }
            }
        } catch (RuntimeException e) { // de.kherud's LlamaException is not public
            throw new EngineException("generation failed: " + e.getMessage(), EngineException.Kind.INFERENCE, e);
        }
        String rest = stops.flush();
        if (!rest.isEmpty()) {
            sink.token(rest);
        }
        StopReason reason = tokens >= request.maxTokens() ? StopReason.MAX_TOKENS : StopReason.EOS;
        return result(tokens, reason, null, start, firstToken, promptTokens);
    }

    private static GenerationResult result(int tokens, StopReason reason, String matched, long start, long firstToken,
                                           int promptTokens) {
        return new GenerationResult(tokens, reason, matched, System.nanoTime() - start, Math.max(0, firstToken),
                promptTokens);
    }

    /**
     * api.md §5.6 fixes the sampling order: repetition penalty (llama.cpp always applies penalties first), then
     * temperature, top-k, top-p, min-p, and the draw.
     */
    private static InferenceParameters parameters(GenerationRequest r) {
        return new InferenceParameters(r.prompt())
                .setSamplers(Sampler.TEMPERATURE, Sampler.TOP_K, Sampler.TOP_P, Sampler.MIN_P)
                .setNPredict(r.maxTokens())
                .setTemperature((float) r.temperature())
                .setTopP((float) r.topP())
                .setTopK(r.topK())
                .setMinP((float) r.minP())
                .setRepeatPenalty((float) r.repetitionPenalty())
                .setSeed(nativeSeed(r.seed()));
    }

    /** llama.cpp takes a 32-bit seed; fold the 63-bit API seed into it deterministically. */
    static int nativeSeed(long seed) {
        return (int) (seed ^ (seed >>> 32)) & 0x7fffffff;
    }

    @Override
    public void close() {
        model.close();
    }
}
