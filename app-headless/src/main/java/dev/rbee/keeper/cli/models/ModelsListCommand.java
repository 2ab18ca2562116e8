package dev.rbee.keeper.cli.models;

import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.NodeModelsResponse;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code models list}: the table {@code ID  MODEL  SIZE  DOWNLOADED  PATH} (cli.md §11). */
@Command(name = "list", description = "List the models in a node's catalog, newest first.")
public final class ModelsListCommand implements KeeperCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", paramLabel = "<node>", description = "Node (default: [defaults] node, else localhost)")
    String node;

    @Override
    public int execute(CliContext context) {
        String name = context.env().config().defaults().nodeFor(node);
        NodeModelsResponse listed;
        try (QueenSession session = context.openQueen(QueenSession.Need.AUTO_START)) {
            listed = session.client().nodeModels(name);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(document(listed)));
        } else if (listed.models().isEmpty()) {
            context.console().result("No models on " + name);
            context.console().note("💡 Download one: rbee-keeper models download --node " + name + " <model-ref>");
        } else {
            table(listed.models()).forEach(context.console()::result);
        }
        return KeeperCli.OK;
    }

    static List<String> table(List<Model> models) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "MODEL", "SIZE", "DOWNLOADED", "PATH"});
        for (Model m : models) {
            rows.add(new String[] {m.id(), m.modelRef(), Formats.bytes(m.sizeBytes()),
                    WHEN.format(Instant.ofEpochSecond(m.downloadedAtUnix())), m.localPath()});
        }
        int[] width = new int[5];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Map<String, Object> document(NodeModelsResponse listed) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (Model m : listed.models()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("model_ref", m.modelRef());
            row.put("local_path", m.localPath());
            row.put("size_bytes", m.sizeBytes());
            row.put("downloaded_at_unix", m.downloadedAtUnix());
            models.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("node", listed.node());
        doc.put("models", models);
        return doc;
    }
}
