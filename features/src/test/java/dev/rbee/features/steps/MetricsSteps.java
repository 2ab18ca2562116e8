package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Queen's {@code GET /metrics} (api.md §5.9), read as a Prometheus scraper would and checked against the API. */
public class MetricsSteps {
    private final ScenarioWorld world;
    private final OpenAiSteps openAi;
    private String contentType;
    private String text;
    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, Double> baseline = new LinkedHashMap<>();

    public MetricsSteps(ScenarioWorld world, OpenAiSteps openAi) {
        this.world = world;
        this.openAi = openAi;
    }

    @When("queen's \\/metrics is scraped")
    public void scraped() throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(openAi.request("/metrics", null).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, answer.statusCode(), answer::body);
        contentType = answer.headers().firstValue("Content-Type").orElse("");
        text = answer.body();
        samples.clear();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
    }

    @When("queen's \\/metrics is scraped as the baseline")
    public void scrapedAsBaseline() throws IOException, InterruptedException {
        scraped();
        baseline.clear();
        baseline.putAll(samples);
    }

    /**
     * S158: the counters grew by exactly this much since the baseline (a sample absent then counts as 0). Queen counts
     * a job just after its stream's [DONE], so a scrape that comes too early is repeated for up to 2 s.
     */
    @Then("since the baseline the scrape's samples went up by")
    public void wentUpBy(Map<String, String> expected) throws IOException, InterruptedException {
        for (int i = 0; i < 20 && !expected.entrySet().stream().allMatch(e -> samples.containsKey(e.getKey())
                && samples.get(e.getKey()) - baseline.getOrDefault(e.getKey(), 0.0)
                >= Double.parseDouble(e.getValue())); i++) {
            Thread.sleep(100);
            scraped();
        }
        expected.forEach((sample, by) -> {
            assertTrue(samples.containsKey(sample), () -> sample + " missing in\n" + text);
            assertEquals(Double.parseDouble(by), samples.get(sample) - baseline.getOrDefault(sample, 0.0),
                    () -> sample + " before: " + baseline.get(sample) + ", now:\n" + text);
        });
    }

    @Then("the scrape is Prometheus text version 0.0.4 with a HELP and TYPE line for each of the families")
    public void format(List<String> families) {
        assertTrue(contentType.startsWith("text/plain; version=0.0.4"), contentType);
        for (String family : families) {
            assertTrue(text.contains("# HELP " + family + " "), family);
            assertTrue(text.contains("# TYPE " + family + " "), family);
        }
    }

    @Then("the scrape has the samples")
    public void hasSamples(Map<String, String> expected) {
        expected.forEach((sample, value) -> assertEquals(Double.parseDouble(value), samples.get(sample),
                () -> sample + " in\n" + text));
    }

    @Then("the histogram {word} counts {int} observations in cumulative buckets up to 60 s")
    public void histogram(String name, int count) {
        assertEquals(count, samples.get(name + "_count"), text);
        assertEquals(count, samples.get(name + "_bucket{le=\"+Inf\"}"), text);
        assertTrue(samples.containsKey(name + "_bucket{le=\"0.05\"}"), text);
        assertTrue(samples.containsKey(name + "_bucket{le=\"60\"}"), text);
        double previous = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (e.getKey().startsWith(name + "_bucket")) {
                assertTrue(e.getValue() >= previous, e.getKey());
                previous = e.getValue();
            }
        }
        assertTrue(samples.get(name + "_sum") > 0, text);
    }

    @Then("the scrape's rbee_workers agree with \\/v2\\/workers\\/list")
    public void workersAgree() {
        QueenClient queen = queen();
        Map<String, Double> listed = new TreeMap<>();
        for (QWorker w : queen.workersList(null).workers()) {
            listed.merge("rbee_workers{node=\"" + w.node() + "\",state=\"" + w.state() + "\"}", 1.0, Double::sum);
        }
        Map<String, Double> scraped = new TreeMap<>();
        samples.forEach((k, v) -> {
            if (k.startsWith("rbee_workers{")) {
                scraped.put(k, v);
            }
        });
        assertTrue(!listed.isEmpty());
        assertEquals(listed, scraped);
    }

    @Then("the scrape's rbee_tokens_generated_total for {string} on localhost is the tokens_out of its jobs in \\/v2\\/tasks")
    public void tokensAgree(String model) {
        QueenClient queen = queen();
        int sum = openAi.jobIds().stream().map(queen::job).filter(j -> j.model().equals(model))
                .mapToInt(dev.rbee.contract.queen.Job::tokensOut).sum();
        assertTrue(sum > 0);
        assertEquals(sum, samples.get("rbee_tokens_generated_total{node=\"localhost\",model=\"" + model + "\"}"),
                text);
    }

    private QueenClient queen() {
        return new QueenClient(new dev.rbee.contract.client.HttpJson(Endpoint.of(world.queenUrl(), null,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5)), new dev.rbee.contract.json.Json()));
    }
}
