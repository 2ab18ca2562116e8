package dev.rbee.keeper.cli.config;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Node;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.TextTable;
import dev.rbee.keeper.cli.setup.NodeCalls;
import dev.rbee.keeper.sshconfig.SshHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code config import-ssh-config} did with each host (cli.md §7): printed as it happens (skips and failures'
 * details on stderr, one result line per host on stdout), or collected into one JSON document under {@code --json}.
 */
final class ImportReport {
    private final CliContext context;
    private final List<String> imported = new ArrayList<>();
    private final List<Map<String, Object>> skipped = new ArrayList<>();
    private final List<Map<String, Object>> failed = new ArrayList<>();
    private int offered;

    ImportReport(CliContext context) {
        this.context = context;
    }

    void skip(String alias, String reason) {
        skipped.add(entry("host", alias, "reason", reason));
        if (!context.json()) {
            context.console().note("⚠️ Skipping '" + alias + "': " + reason);
        }
    }

    /** A candidate the user was asked about (or that --yes selected); the {@code <m>} of the summary. */
    void offered() {
        offered++;
    }

    void imported(Node node) {
        imported.add(node.nodeName());
        if (!context.json()) {
            context.console().result("✅ Imported '" + node.nodeName() + "'");
            if (node.installedVersion() == null) {
                context.console().note("💡 Next: rbee-keeper setup install --node " + node.nodeName());
            }
        }
    }

    /** stderr gets what {@code setup add-node} prints for the failure; stdout the one-line verdict. */
    void failed(String alias, RbeeException e) {
        ErrorContext errors = context.errorContext();
        ErrorContext withNode = new ErrorContext(errors.command(), errors.home(), alias, null, null);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("host", alias);
        entry.put("error", ErrorPresenter.errorObject(e, withNode));
        failed.add(entry);
        if (!context.json()) {
            NodeCalls.fail(context, e, alias);
            context.console().result("❌ '" + alias + "': " + e.getMessage() + " (" + e.code() + ")");
        }
    }

    /** Without a terminal and without --yes: what would be imported, and nothing is. */
    int candidatesOnly(List<SshHost> candidates) {
        if (context.json()) {
            Map<String, Object> document = document();
            document.put("candidates", candidates.stream().map(ImportReport::candidate).toList());
            context.console().result(context.env().json().write(document));
            return KeeperCli.OK;
        }
        TextTable table = new TextTable("HOST", "USER@HOST:PORT", "KEY");
        candidates.forEach(h -> table.row(h.alias(), h.destination(), h.keyShown()));
        table.lines().forEach(context.console()::result);
        context.console().note("💡 Re-run with --yes to import them");
        return KeeperCli.OK;
    }

    /** The summary; exit 1 when any selected host failed (cli.md §7). */
    int finish() {
        if (context.json()) {
            context.console().result(context.env().json().write(document()));
        } else {
            context.console().result("Imported " + imported.size() + " of " + offered + " host(s)");
        }
        return failed.isEmpty() ? KeeperCli.OK : KeeperCli.FAILED;
    }

    private Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("imported", imported);
        document.put("skipped", skipped);
        document.put("failed", failed);
        return document;
    }

    private static Map<String, Object> candidate(SshHost host) {
        Map<String, Object> entry = entry("host", host.alias(), "ssh_host", host.hostName());
        entry.put("ssh_port", host.port());
        entry.put("ssh_user", host.user());
        entry.put("ssh_key_path", host.keyPath());
        return entry;
    }

    private static Map<String, Object> entry(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(k1, v1);
        entry.put(k2, v2);
        return entry;
    }
}
