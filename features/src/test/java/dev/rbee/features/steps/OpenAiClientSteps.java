package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A maintained OpenAI client library from Maven Central (LangChain4j's OpenAI module, 1.19.0) talks to queen as it
 * would to api.openai.com: S165's "an OpenAI client reads the stream without error".
 */
public class OpenAiClientSteps {
    private final ScenarioWorld world;
    private final List<String> partials = new CopyOnWriteArrayList<>();
    private ChatResponse response;

    public OpenAiClientSteps(ScenarioWorld world) {
        this.world = world;
    }

    private String baseUrl() {
        return world.queenUrl() + "/v1";
    }

    private String key() throws IOException {
        return OpenAiSteps.apiKey(world).orElse("no-key-needed-on-loopback");
    }

    @When("an OpenAI client library streams a chat completion {string} from {string} with at most {int} tokens")
    public void libraryStreams(String message, String model, int maxTokens) throws Exception {
        OpenAiStreamingChatModel chat = OpenAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey(key())
                .modelName(model).maxTokens(maxTokens).timeout(Duration.ofSeconds(60)).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        chat.chat(message, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse complete) {
                done.complete(complete);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        response = done.get(90, TimeUnit.SECONDS);
    }

    @When("the OpenAI client library sends the chat completion {string} to {string} with at most {int} tokens without streaming")
    public void libraryCalls(String message, String model, int maxTokens) throws IOException {
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey(key()).modelName(model)
                .maxTokens(maxTokens).timeout(Duration.ofSeconds(60)).maxRetries(0).build();
        response = chat.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from(message)).build());
    }

    @Then("the library received {int} partial texts that make up its answer, and finish reason {word}")
    public void streamed(int count, String finish) {
        assertEquals(count, partials.size(), partials::toString);
        partials.forEach(p -> assertFalse(p.isEmpty()));
        assertEquals(String.join("", partials), response.aiMessage().text());
        assertEquals(FinishReason.valueOf(finish), response.finishReason());
    }

    @Then("the library's answer has text, {int} output tokens, some input tokens and finish reason {word}")
    public void answered(int outputTokens, String finish) {
        assertFalse(response.aiMessage().text().isEmpty());
        assertNotNull(response.tokenUsage());
        assertEquals(outputTokens, response.tokenUsage().outputTokenCount());
        assertTrue(response.tokenUsage().inputTokenCount() > 0);
        assertEquals(FinishReason.valueOf(finish), response.finishReason());
        assertTrue(response.id().startsWith("chatcmpl-job-"), response.id());
    }
}
