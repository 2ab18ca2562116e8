package dev.rbee.queen.openai;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.openai.ChatChoice;
import dev.rbee.contract.openai.ChatCompletion;
import dev.rbee.contract.openai.ChatMessage;
import dev.rbee.contract.openai.ChunkChoice;
import dev.rbee.contract.openai.Completion;
import dev.rbee.contract.openai.CompletionChoice;
import dev.rbee.contract.openai.Usage;
import dev.rbee.contract.sse.ChunkEvent;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.StopReason;
import java.util.List;
import java.util.Map;

/**
 * What a job's events become in OpenAI terms (api.md §5.8): the reply object, chunk objects and finish reasons, for
 * chat ({@code chat.completion}) or text ({@code text_completion}). {@code id} is {@code chatcmpl-<job_id>} for both.
 */
record Reply(boolean chat, String jobId, long created, String model) {

    String id() {
        return ChatCompletion.ID_PREFIX + jobId;
    }

    /** {@code MAX_TOKENS} → {@code length}; {@code EOS}, {@code STOP_SEQUENCE}, {@code CANCELLED} → {@code stop}. */
    static String finishReason(StopReason reason) {
        return reason == null ? "stop" : reason.finishReason();
    }

    Object complete(String text, EndEvent end) {
        int prompt = end.promptTokens() == null ? 0 : end.promptTokens();
        Usage usage = Usage.of(prompt, end.tokensOut());
        String finish = finishReason(end.stopReason());
        if (chat) {
            return new ChatCompletion(id(), ChatCompletion.OBJECT, created, model, List.of(new ChatChoice(0,
                    new ChatMessage(ChatMessage.ASSISTANT, text), finish)), usage);
        }
        return new Completion(id(), Completion.OBJECT, created, model,
                List.of(new CompletionChoice(0, text, finish)), usage);
    }

    ChunkEvent chunk(String text) {
        return chunkOf(chat ? ChunkChoice.chat(text, null) : ChunkChoice.text(text, null));
    }

    /** The last chunk: no content, and the finish reason. */
    ChunkEvent last(EndEvent end) {
        String finish = finishReason(end.stopReason());
        return chunkOf(chat ? ChunkChoice.chat(null, finish) : ChunkChoice.text("", finish));
    }

    private ChunkEvent chunkOf(ChunkChoice choice) {
        return new ChunkEvent(id(), chat ? ChunkEvent.CHAT_OBJECT : ChunkEvent.TEXT_OBJECT, created, model,
                List.of(choice));
    }

    /**
     * The failure as the HTTP answer of a request without a stream: the status of its code (api.md §5.8), and
     * REQUEST_CANCELED (499) for a job that was canceled (§9).
     */
    RbeeException failure(ErrorEvent error) {
        if (ErrorCode.CANCELLED.name().equals(error.code())) {
            return canceled();
        }
        return error.toException();
    }

    RbeeException canceled() {
        return RbeeException.of(ErrorCode.REQUEST_CANCELED, "Job " + jobId + " was canceled",
                Map.of("job_id", jobId));
    }
}
