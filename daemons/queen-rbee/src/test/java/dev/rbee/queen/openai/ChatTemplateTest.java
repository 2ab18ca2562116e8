package dev.rbee.queen.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.openai.ChatMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    private static final List<ChatMessage> CHAT = List.of(new ChatMessage("system", "Be brief."),
            new ChatMessage("user", "hi"), new ChatMessage("assistant", "Hello."), new ChatMessage("user", "why?"));

    @Test
    void theRefTableOfApiMdPicksTheFormat() {
        assertEquals(ChatTemplate.LLAMA3, ChatTemplate.forModelRef("hf:meta-llama/Meta-Llama-3-8B-Instruct-GGUF"));
        assertEquals(ChatTemplate.LLAMA3, ChatTemplate.forModelRef("hf:x/LLAMA3-tiny"));
        assertEquals(ChatTemplate.CHATML, ChatTemplate.forModelRef("hf:Qwen/Qwen2-0.5B-Instruct-GGUF"));
        assertEquals(ChatTemplate.ZEPHYR, ChatTemplate.forModelRef("hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"));
        assertEquals(ChatTemplate.ZEPHYR, ChatTemplate.forModelRef("hf:TheBloke/zephyr-7B-beta-GGUF"));
        assertEquals(ChatTemplate.INST, ChatTemplate.forModelRef("hf:TheBloke/Mistral-7B-Instruct-v0.2-GGUF"));
        assertEquals(ChatTemplate.INST, ChatTemplate.forModelRef("hf:TheBloke/Llama-2-7B-Chat-GGUF"));
        assertEquals(ChatTemplate.PHI3, ChatTemplate.forModelRef("hf:microsoft/Phi-3-mini-4k-instruct-gguf"));
        assertEquals(ChatTemplate.CHATML, ChatTemplate.forModelRef("demo:tiny"));
        assertEquals(ChatTemplate.CHATML, ChatTemplate.forModelRef("file:/srv/models/x.gguf"));
    }

    @Test
    void chatMlRendersEveryTurnAndOpensTheAssistants() {
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n"
                + "<|im_start|>assistant\nHello.<|im_end|>\n<|im_start|>user\nwhy?<|im_end|>\n"
                + "<|im_start|>assistant\n", ChatTemplate.CHATML.render(CHAT));
    }

    @Test
    void llama3UsesHeaders() {
        assertEquals("<|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n",
                ChatTemplate.LLAMA3.render(List.of(new ChatMessage("user", "hi"))));
    }

    @Test
    void zephyrAndPhi3CloseTurnsDifferently() {
        List<ChatMessage> one = List.of(new ChatMessage("user", "hi"));
        assertEquals("<|user|>\nhi</s>\n<|assistant|>\n", ChatTemplate.ZEPHYR.render(one));
        assertEquals("<|user|>\nhi<|end|>\n<|assistant|>\n", ChatTemplate.PHI3.render(one));
    }

    @Test
    void instPutsTheSystemTextIntoTheNextUserTurn() {
        assertEquals("[INST] Be brief.\n\nhi [/INST] Hello.</s>[INST] why? [/INST]", ChatTemplate.INST.render(CHAT));
        assertEquals("[INST] hi [/INST] Hello.</s>[INST] [/INST]", ChatTemplate.INST.render(List.of(
                new ChatMessage("user", "hi"), new ChatMessage("assistant", "Hello."))));
    }

    @Test
    void contentIsInsertedVerbatimWithQuotesAndNewlines() {
        assertEquals("<|im_start|>user\na \"b\"\n\nc<|im_end|>\n<|im_start|>assistant\n",
                ChatTemplate.CHATML.render(List.of(new ChatMessage("user", "a \"b\"\n\nc"))));
    }

    @Test
    void ggufTemplatesAreRecognisedByTheirSpecialTokens() {
        assertEquals(Optional.of(ChatTemplate.LLAMA3), ChatTemplate.fromGgufTemplate(
                "{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>{% endfor %}"));
        assertEquals(Optional.of(ChatTemplate.CHATML), ChatTemplate.fromGgufTemplate(
                "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n'}}{% endfor %}"));
        assertEquals(Optional.of(ChatTemplate.ZEPHYR), ChatTemplate.fromGgufTemplate(
                "{% if message['role'] == 'user' %}{{ '<|user|>\n' + message['content'] + eos_token }}"
                        + "{% endif %}{% if add_generation_prompt %}{{ '<|assistant|>' }}{% endif %}"));
        assertEquals(Optional.of(ChatTemplate.INST), ChatTemplate.fromGgufTemplate(
                "{{ bos_token }}{% for m in messages %}{{ '[INST] ' + m['content'] + ' [/INST]' }}{% endfor %}"));
        assertEquals(Optional.of(ChatTemplate.PHI3), ChatTemplate.fromGgufTemplate(
                "{{'<|' + message['role'] + '|>' + '\n' + message['content'] + '<|end|>\n'}}{{ '<|assistant|>\n' }}"));
        assertEquals(Optional.empty(), ChatTemplate.fromGgufTemplate("{{ messages[0]['content'] }}"));
        assertEquals(Optional.empty(), ChatTemplate.fromGgufTemplate(null));
    }
}
