package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What queen stored: the rows of {@code beehives.db}, read with SQLite as any program could. */
public class RegistryDbSteps {
    private final ScenarioWorld world;

    public RegistryDbSteps(ScenarioWorld world) {
        this.world = world;
    }

    private Path db() {
        return world.home().resolve("beehives.db");
    }

    private List<Map<String, String>> rows() throws SQLException {
        if (!Files.exists(db())) {
            return List.of();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM nodes ORDER BY node_name")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Then("beehives.db does not exist")
    public void noDb() {
        assertFalse(Files.exists(db()), "beehives.db was created");
    }

    @Then("beehives.db holds no node")
    public void noNode() throws SQLException {
        assertEquals(List.of(), rows());
    }

    @Then("beehives.db holds exactly the node {string} with:")
    public void exactlyTheNode(String name, Map<String, String> expected) throws SQLException {
        List<Map<String, String>> rows = rows();
        assertEquals(1, rows.size(), () -> "rows: " + rows);
        Map<String, String> row = rows.getFirst();
        assertEquals(name, row.get("node_name"));
        expected.forEach((column, value) -> assertEquals(world.fill(value), row.get(column),
                () -> column + " in " + row));
    }

    @Then("beehives.db holds the nodes {string}")
    public void theNodes(String names) throws SQLException {
        assertEquals(List.of(names.split(",")), rows().stream().map(r -> r.get("node_name")).toList());
    }

    @Then("beehives.db holds the node {string} with:")
    public void theNode(String name, Map<String, String> expected) throws SQLException {
        Map<String, String> row = rows().stream().filter(r -> name.equals(r.get("node_name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
        expected.forEach((column, value) -> assertEquals(world.fill(value), row.get(column),
                () -> column + " in " + row));
    }

    /** Step classes are created on first use, so "within this scenario" is its 120 s limit before now. */
    @Then("its last_connected_unix lies within this scenario")
    public void connectedRecently() throws SQLException {
        long last = Long.parseLong(rows().getFirst().get("last_connected_unix"));
        long now = System.currentTimeMillis() / 1000;
        assertTrue(last >= now - 120 && last <= now, "last_connected_unix " + last + ", now " + now);
    }

    @Then("stdout's JSON lists the nodes {string}")
    public void jsonNodes(String names) {
        List<String> found = new ArrayList<>();
        nodes().forEach(n -> found.add(n.get("node_name").asText()));
        assertEquals(List.of(names.split(",")), found);
    }

    @Then("stdout's JSON node {string} has {word} equal to {string}")
    public void jsonNodeField(String name, String field, String value) {
        List<String> found = new ArrayList<>();
        nodes().forEach(n -> {
            if (n.get("node_name").asText().equals(name)) {
                found.add(String.valueOf(n.get(field)));
            }
        });
        assertEquals(List.of(world.fill(value)), found, () -> world.lastRun().stdout());
    }

    private com.fasterxml.jackson.databind.JsonNode nodes() {
        return new Json().tree(world.lastRun().stdout()).get("nodes");
    }

    @Then("beehives.db has the schema version {int}")
    public void schemaVersion(int version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            assertTrue(rs.next());
            assertEquals(version, rs.getInt(1));
        }
    }

    @Then("stdout is a JSON error {string} whose details.{word} is {string}")
    public void jsonErrorDetail(String code, String field, String value) {
        Map<?, ?> doc = new Json().read(world.lastRun().stdout(), Map.class);
        Map<?, ?> error = (Map<?, ?>) doc.get("error");
        assertEquals(code, error.get("code"), () -> "stdout: " + world.lastRun().stdout());
        assertEquals(world.fill(value), String.valueOf(((Map<?, ?>) error.get("details")).get(field)));
    }
}
