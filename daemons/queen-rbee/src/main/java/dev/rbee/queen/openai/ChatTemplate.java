package dev.rbee.queen.openai;

import dev.rbee.contract.openai.ChatMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chat formats of api.md §5.8, rendered in Java. BOS is left out because the worker's tokenizer adds it; every
 * rendering ends with the opening of the assistant's turn, so the model continues as the assistant.
 */
public enum ChatTemplate {
    LLAMA3 {
        @Override
        String render(List<ChatMessage> messages) {
            StringBuilder out = new StringBuilder();
            for (ChatMessage m : messages) {
                out.append("<|start_header_id|>").append(m.role()).append("<|end_header_id|>\n\n")
                        .append(m.content()).append("<|eot_id|>");
            }
            return out.append("<|start_header_id|>assistant<|end_header_id|>\n\n").toString();
        }
    },
    CHATML {
        @Override
        String render(List<ChatMessage> messages) {
            StringBuilder out = new StringBuilder();
            for (ChatMessage m : messages) {
                out.append("<|im_start|>").append(m.role()).append('\n').append(m.content()).append("<|im_end|>\n");
            }
            return out.append("<|im_start|>assistant\n").toString();
        }
    },
    ZEPHYR {
        @Override
        String render(List<ChatMessage> messages) {
            StringBuilder out = new StringBuilder();
            for (ChatMessage m : messages) {
                out.append("<|").append(m.role()).append("|>\n").append(m.content()).append("</s>\n");
            }
            return out.append("<|assistant|>\n").toString();
        }
    },
    /** Mistral and Llama 2: no system turn of their own, so system text leads the next user turn. */
    INST {
        @Override
        String render(List<ChatMessage> messages) {
            StringBuilder out = new StringBuilder();
            StringBuilder system = new StringBuilder();
            boolean open = false;
            for (ChatMessage m : messages) {
                switch (m.role()) {
                    case ChatMessage.SYSTEM -> system.append(m.content()).append("\n\n");
                    case ChatMessage.ASSISTANT -> {
                        out.append(' ').append(m.content()).append("</s>");
                        open = false;
                    }
                    default -> {
                        out.append("[INST] ").append(system).append(m.content()).append(" [/INST]");
                        system.setLength(0);
                        open = true;
                    }
                }
            }
            if (!open) { // the conversation ends with an assistant or system turn: ask for the next answer
                out.append("[INST] ").append(system).append("[/INST]");
            }
            return out.toString();
        }
    },
    PHI3 {
        @Override
        String render(List<ChatMessage> messages) {
            StringBuilder out = new StringBuilder();
            for (ChatMessage m : messages) {
                out.append("<|").append(m.role()).append("|>\n").append(m.content()).append("<|end|>\n");
            }
            return out.append("<|assistant|>\n").toString();
        }
    };

    /** The messages as one prompt in this format. */
    abstract String render(List<ChatMessage> messages);

    /** The table of api.md §5.8, matched case-insensitively anywhere in the ref; ChatML when nothing matches. */
    public static ChatTemplate forModelRef(String modelRef) {
        String ref = modelRef.toLowerCase(Locale.ROOT);
        if (ref.contains("llama-3") || ref.contains("llama3")) {
            return LLAMA3;
        }
        if (ref.contains("qwen")) {
            return CHATML;
        }
        if (ref.contains("tinyllama") || ref.contains("zephyr")) {
            return ZEPHYR;
        }
        if (ref.contains("mistral") || ref.contains("llama-2")) {
            return INST;
        }
        if (ref.contains("phi-3")) {
            return PHI3;
        }
        return CHATML;
    }

    /**
     * The family of a GGUF {@code tokenizer.chat_template} (Jinja), recognised by the special tokens it writes; empty
     * when it is none of the five, so the ref table decides.
     */
    public static Optional<ChatTemplate> fromGgufTemplate(String jinja) {
        if (jinja == null || jinja.isBlank()) {
            return Optional.empty();
        }
        if (jinja.contains("<|start_header_id|>")) {
            return Optional.of(LLAMA3);
        }
        if (jinja.contains("<|im_start|>")) {
            return Optional.of(CHATML);
        }
        if (jinja.contains("[INST]")) {
            return Optional.of(INST);
        }
        if (jinja.contains("<|end|>") && jinja.contains("<|assistant|>")) {
            return Optional.of(PHI3);
        }
        if (jinja.contains("<|assistant|>")) {
            return Optional.of(ZEPHYR);
        }
        return Optional.empty();
    }
}
