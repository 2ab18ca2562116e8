package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * S161: the task stream read over a plain socket with a 4 KiB receive buffer, slowly or at full speed, so that queen
 * and the worker meet a reader that does not keep up.
 */
public class SlowReaderSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();
    private final List<List<JsonNode>> reads = new ArrayList<>();

    public SlowReaderSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("a client reads the task {string} pausing {int} ms per event, through a {int} KiB socket buffer")
    public void read(String body, int pauseMillis, int bufferKiB) throws IOException, InterruptedException {
        URI queen = URI.create(world.queenUrl());
        byte[] payload = world.fill(body).getBytes(StandardCharsets.UTF_8);
        List<JsonNode> tokens = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(bufferKiB * 1024);
            socket.connect(new InetSocketAddress(queen.getHost(), queen.getPort()), 2000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/tasks HTTP/1.1\r\nHost: " + queen.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nConnection: close\r\nContent-Length: " + payload.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8), 256);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int at = line.indexOf("data: ");
                if (at < 0) {
                    continue; // headers, chunk sizes, blank lines
                }
                String data = line.substring(at + 6);
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode event = json.tree(data);
                if ("token".equals(event.path("type").asText())) {
                    tokens.add(event);
                }
                Thread.sleep(pauseMillis);
            }
        }
        reads.add(tokens);
    }

    @Then("read {int} got the token indexes 0 to {int} with no gap or duplicate")
    public void indexes(int read, int last) {
        List<Integer> seen = reads.get(read - 1).stream().map(t -> t.get("i").asInt()).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(0, last).boxed().toList(), seen);
    }

    @Then("reads {int} and {int} have the same text")
    public void sameText(int a, int b) {
        assertEquals(text(a), text(b));
    }

    private String text(int read) {
        StringBuilder text = new StringBuilder();
        reads.get(read - 1).forEach(t -> text.append(t.get("t").asText()));
        return text.toString();
    }
}
