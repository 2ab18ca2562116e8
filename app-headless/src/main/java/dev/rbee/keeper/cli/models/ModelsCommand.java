package dev.rbee.keeper.cli.models;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper models}: a node's model catalog (cli.md §11); auto-starts queen, which starts the hive. */
@Command(name = "models", description = "List, download or delete the models of a node.",
        subcommands = {ModelsListCommand.class, ModelsDownloadCommand.class, ModelsRmCommand.class})
public final class ModelsCommand {
    @Mixin
    GlobalOptions globals;
}
