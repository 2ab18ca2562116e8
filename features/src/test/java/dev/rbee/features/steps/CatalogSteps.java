package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** What a download leaves behind: the progress stream, the files under RBEE_HOME and the rows of models.db. */
public class CatalogSteps {
    private final ScenarioWorld world;
    private final ModelSteps models;

    public CatalogSteps(ScenarioWorld world, ModelSteps models) {
        this.world = world;
        this.models = models;
    }

    @Then("the progress has at least {int} downloading events with bytes_total of {string}, never decreasing, then complete and [DONE]")
    public void progressRises(int atLeast, String file) {
        List<JsonNode> events = models.progress();
        List<JsonNode> downloading = events.stream().filter(e -> e.path("type").asText().equals("downloading"))
                .toList();
        assertTrue(downloading.size() >= atLeast, downloading.size() + " downloading events: " + events);
        long total = models.file(file).bytes().length;
        long last = -1;
        for (JsonNode d : downloading) {
            assertEquals(total, d.path("bytes_total").asLong());
            assertTrue(d.path("bytes_downloaded").asLong() >= last, "bytes decreased: " + downloading);
            assertTrue(d.has("speed_mbps"));
            last = d.path("bytes_downloaded").asLong();
        }
        assertEquals(total, last);
        assertEquals("complete", events.getLast().path("type").asText());
        assertTrue(models.progressRaw().trim().endsWith("data: [DONE]"), models.progressRaw());
    }

    @Then("the progress is just complete with local_path {string} and model_id {string}")
    public void justComplete(String path, String id) {
        assertEquals(1, models.progress().size(), models.progress().toString());
        JsonNode complete = models.progress().getFirst();
        assertEquals("complete", complete.path("type").asText());
        assertEquals(world.fill(path), complete.path("local_path").asText());
        assertEquals(id, complete.path("model_id").asText());
        assertTrue(models.progressRaw().trim().endsWith("data: [DONE]"));
    }

    @Then("the progress ends with complete, local_path {string} and model_id {string}")
    public void endsComplete(String path, String id) {
        JsonNode last = models.progress().getLast();
        assertEquals("complete", last.path("type").asText(), models.progress().toString());
        assertEquals(world.fill(path), last.path("local_path").asText());
        assertEquals(id, last.path("model_id").asText());
    }

    @Then("the progress ends with error {word} {string}")
    public void endsWithError(String code, String message) {
        JsonNode last = models.progress().getLast();
        assertEquals("error", last.path("type").asText(), models.progress().toString());
        assertEquals(code, last.path("code").asText());
        assertEquals(message, last.path("message").asText());
        assertTrue(models.progressRaw().trim().endsWith("data: [DONE]"));
    }

    @Then("the progress narrates {string}")
    public void narrates(String human) {
        assertTrue(models.progress().stream().anyMatch(e -> e.path("type").asText().equals("narration")
                && e.path("human").asText().equals(human)), models.progress().toString());
    }

    /**
     * Narration is at most 100 characters (S160): a text naming the scenario's long RBEE_HOME is cut in the middle
     * with "…", so {@code <rbee-home>} also matches a path that starts like it and has the cut in it.
     */
    @Then("the progress narrates exactly once a line matching {string}")
    public void narratesOnce(String regex) {
        String home = world.home().toString();
        String pattern = world.fill(regex.replace("<rbee-home>", "(?:" + java.util.regex.Pattern.quote(home) + "|"
                + java.util.regex.Pattern.quote(home.substring(0, 10)) + "[^ ]*…[^ ]*)"));
        long count = models.progress().stream().filter(e -> e.path("type").asText().equals("narration")
                && e.path("human").asText().matches(pattern)).count();
        assertEquals(1, count, models.progress().toString());
    }

    @Then("no downloading event has speed_mbps above {double}")
    public void speedCapped(double max) {
        List<JsonNode> downloading = models.progress().stream()
                .filter(e -> e.path("type").asText().equals("downloading")).toList();
        assertTrue(downloading.size() >= 3, downloading.toString());
        downloading.forEach(e -> assertTrue(e.path("speed_mbps").asDouble() <= max, e.toString()));
        assertTrue(downloading.stream().anyMatch(e -> e.path("speed_mbps").asDouble() > max * 0.8),
                "the speed was measured: " + downloading);
    }

    @Then("the progress has no downloading event below {int} bytes")
    public void noProgressBelow(long floor) {
        models.progress().stream().filter(e -> e.path("type").asText().equals("downloading"))
                .forEach(e -> assertTrue(e.path("bytes_downloaded").asLong() >= floor, e.toString()));
    }

    @Then("RBEE_HOME has {string} with the hub's bytes of {string}")
    public void hasFile(String path, String file) throws Exception {
        Path local = world.home().resolve(path);
        assertTrue(Files.isRegularFile(local), local + " missing");
        assertEquals(models.file(file).sha256(), sha256(Files.readAllBytes(local)));
    }

    @Then("RBEE_HOME has {string} with the same bytes as {string}")
    public void sameBytes(String path, String other) throws IOException {
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(world.home().resolve(other)),
                Files.readAllBytes(world.home().resolve(path))), path + " differs from " + other);
    }

    @Then("RBEE_HOME has {string} of {long} bytes")
    public void hasFileOfSize(String path, long size) throws IOException {
        assertEquals(size, Files.size(world.home().resolve(path)));
    }

    @Then("RBEE_HOME has no file {string}")
    public void hasNoFile(String path) {
        assertFalse(Files.exists(world.home().resolve(path)), path);
    }

    @Given("RBEE_HOME has {string} holding the first {int} % of {string}")
    public void aPartialFile(String path, int percent, String file) throws IOException {
        byte[] bytes = models.file(file).bytes();
        Path local = world.home().resolve(path);
        Files.createDirectories(local.getParent());
        Files.write(local, java.util.Arrays.copyOf(bytes, (int) (bytes.length * (long) percent / 100)));
    }

    @Given("models.db holds 4 KiB of random bytes")
    public void corruptCatalog() throws IOException {
        byte[] junk = new byte[4096];
        new Random(145).nextBytes(junk);
        Files.write(world.home().resolve("models.db"), junk);
    }

    @Given("models.db has schema version 1 with 3 rows")
    public void oldCatalog() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + world.home().resolve("models.db"));
             Statement st = db.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            st.execute("INSERT INTO schema_version VALUES (1)");
            st.execute("CREATE TABLE models (id TEXT PRIMARY KEY, model_ref TEXT NOT NULL, provider TEXT NOT NULL,"
                    + " reference TEXT NOT NULL, file TEXT NOT NULL, local_path TEXT NOT NULL, size_bytes INTEGER NOT"
                    + " NULL, sha256 TEXT, quantization TEXT, architecture TEXT, downloaded_at_unix INTEGER NOT NULL)");
            for (int i = 1; i <= 3; i++) {
                st.execute("INSERT INTO models VALUES ('old-" + i + "', 'hf:o/r', 'hf', 'o/r', 'old-" + i + ".gguf',"
                        + " '/nowhere/old-" + i + ".gguf', 1, null, null, 'llama', " + i + ")");
            }
        }
    }

    @Then("RBEE_HOME has one file matching {string}")
    public void oneFileMatching(String regex) throws IOException {
        assertEquals(1, matching(regex).size());
    }

    @Then("the file matching {string} in RBEE_HOME is a catalog with {int} rows at schema version {int}")
    public void backupHolds(String regex, int rows, int version) throws Exception {
        Path backup = matching(regex).getFirst();
        assertEquals(rows, count(backup, "SELECT count(*) FROM models"));
        assertEquals(version, count(backup, "SELECT max(version) FROM schema_version"));
    }

    @Then("models.db has {int} row(s)")
    public void rows(int n) throws SQLException {
        assertEquals(n, count(world.home().resolve("models.db"), "SELECT count(*) FROM models"));
    }

    @Then("within {int} s models.db has {int} row(s)")
    public void rowsWithin(int seconds, int n) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try {
                seen = count(world.home().resolve("models.db"), "SELECT count(*) FROM models");
                if (seen == n) {
                    return;
                }
            } catch (SQLException notYet) {
                // the hive may not have created the table yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("models.db has " + seen + " rows after " + seconds + " s, expected " + n);
    }

    @Then("models.db is at schema version {int}")
    public void version(int n) throws SQLException {
        assertEquals(n, count(world.home().resolve("models.db"), "SELECT max(version) FROM schema_version"));
    }

    @Then("models.db has the row {string} for {word} {string} and the file {string} of the hub")
    public void row(String id, String provider, String reference, String file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + world.home().resolve("models.db"));
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT provider, reference, file, local_path, size_bytes, sha256,"
                     + " downloaded_at_unix, architecture FROM models WHERE id = '" + id + "'")) {
            assertTrue(rs.next(), "no row " + id);
            assertEquals(provider, rs.getString(1));
            assertEquals(reference, rs.getString(2));
            assertEquals(file, rs.getString(3));
            assertTrue(Path.of(rs.getString(4)).startsWith(world.home().resolve("models")), rs.getString(4));
            assertEquals(models.file(file).bytes().length, rs.getLong(5));
            assertEquals(models.file(file).sha256(), rs.getString(6));
            long now = System.currentTimeMillis() / 1000;
            assertTrue(rs.getLong(7) >= models.startedUnix && rs.getLong(7) <= now, "downloaded_at_unix");
            assertEquals("llama", rs.getString(8), "architecture read from the GGUF header");
        }
    }

    @Then("the models listed by the hive are {string}")
    public void listed(String ids) {
        List<String> listed = new java.util.ArrayList<>();
        models.body().path("models").forEach(m -> listed.add(m.path("id").asText()));
        assertEquals(ids.isEmpty() ? List.of() : List.of(ids.split(",\\s*")), listed, models.answer().body());
    }

    @Then("the hive's log contains {string}")
    public void hiveLog(String text) throws IOException {
        String log = Files.readString(world.home().resolve("logs/rbee-hive.log"));
        assertTrue(log.contains(world.fill(text)), log);
    }

    @Then("the hive's log does not contain {string}")
    public void hiveLogLacks(String text) throws IOException {
        assertFalse(Files.readString(world.home().resolve("logs/rbee-hive.log")).contains(text));
    }

    @Then("the hive's log has a line matching {string}")
    public void hiveLogMatches(String regex) throws IOException {
        try (Stream<String> lines = Files.lines(world.home().resolve("logs/rbee-hive.log"))) {
            String filled = world.fill(regex);
            assertTrue(lines.anyMatch(l -> l.matches(".*" + filled + ".*")), "no log line matches " + filled);
        }
    }

    private List<Path> matching(String regex) throws IOException {
        try (Stream<Path> files = Files.walk(world.home())) {
            return files.filter(p -> world.home().relativize(p).toString().matches(regex)).toList();
        }
    }

    private static int count(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
