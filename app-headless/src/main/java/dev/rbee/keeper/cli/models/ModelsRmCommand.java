package dev.rbee.keeper.cli.models;

import dev.rbee.contract.queen.ModelDeleteResponse;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models rm <id-or-ref> --yes}: deletes a model from a node's catalog (cli.md §11). */
@Command(name = "rm", description = "Delete a model from a node's catalog.")
public final class ModelsRmCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", paramLabel = "<node>", description = "Node (default localhost)")
    String node;
    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;
    @Parameters(index = "0", paramLabel = "<id-or-ref>", description = "Catalog id or model ref")
    String idOrRef;

    @Override
    public int execute(CliContext context) {
        String name = node == null ? "localhost" : node;
        if (!yes) {
            // Interactive confirmation needs the catalog entry's size first; until then --yes is required.
            throw KeeperErrors.usage("Refusing to delete without confirmation; add --yes");
        }
        ModelDeleteResponse deleted;
        try (QueenSession session = QueenSession.open(context.env(), context.queenUrl(), QueenSession.Need.AUTO_START,
                context.queenMessages())) {
            deleted = session.client().deleteModel(name, idOrRef);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(deleted));
        } else {
            context.console().result("✅ Deleted " + deleted.deleted() + " from " + name + " ("
                    + Formats.bytes(deleted.freedBytes()) + " freed)");
        }
        return KeeperCli.OK;
    }
}
