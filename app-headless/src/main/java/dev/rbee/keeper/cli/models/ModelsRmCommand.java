package dev.rbee.keeper.cli.models;

import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.ModelDeleteResponse;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.Prompts;
import dev.rbee.keeper.models.ModelCatalog;
import dev.rbee.keeper.queen.QueenSession;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models rm <id-or-ref> [--yes]}: deletes a model from a node's catalog, asking first on a terminal (cli.md §11). */
@Command(name = "rm", description = "Delete a model from a node's catalog.")
public final class ModelsRmCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", paramLabel = "<node>", description = "Node (default: [defaults] node, else localhost)")
    String node;
    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;
    @Parameters(index = "0", paramLabel = "<id-or-ref>", description = "Catalog id or model ref")
    String idOrRef;

    @Override
    public int execute(CliContext context) {
        String name = context.env().config().defaults().nodeFor(node);
        if (!yes && !Prompts.canAsk(context)) {
            throw KeeperErrors.usage("Refusing to delete without confirmation; add --yes");
        }
        try (QueenSession session = context.openQueen(QueenSession.Need.AUTO_START)) {
            if (!yes && !confirmed(context, session, name)) {
                context.console().note("Nothing deleted");
                return context.interrupts().happened() ? KeeperCli.INTERRUPTED : KeeperCli.OK;
            }
            print(context, name, session.client().deleteModel(name, idOrRef));
        }
        return KeeperCli.OK;
    }

    /**
     * Asks with the entry's id and size from the node's catalog. A model that is not there gets no question: the
     * delete itself then answers {@code MODEL_NOT_FOUND} with its suggestion.
     */
    private boolean confirmed(CliContext context, QueenSession session, String name) {
        Optional<Model> entry = ModelCatalog.find(session.client().nodeModels(name).models(), idOrRef);
        return entry.isEmpty() || Prompts.ask(context, ModelLines.question(entry.get(), name) + " [y/N] ");
    }

    private void print(CliContext context, String name, ModelDeleteResponse deleted) {
        context.print(deleted, () -> context.console().result(ModelLines.deleted(deleted, name)));
    }
}
