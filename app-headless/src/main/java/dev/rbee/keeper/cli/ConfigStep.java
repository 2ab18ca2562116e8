package dev.rbee.keeper.cli;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperConfigLoader;

/**
 * Reads {@code config.toml} before a command runs (cli.md §3): unknown keys are warned about on stderr (not under
 * {@code --json}, where stderr stays empty), a broken file fails the command before anything else happens.
 */
final class ConfigStep {
    private ConfigStep() {
    }

    /** The context with the configuration in its environment. @throws RbeeException CONFIG_INVALID */
    static CliContext load(CliContext context) {
        KeeperConfigLoader.Loaded loaded = KeeperConfigLoader.load(context.env().home().configToml());
        if (!context.json()) {
            loaded.warnings().forEach(line -> context.console().note("[rbee-keeper] " + line));
        }
        return new CliContext(context.console(), context.env().withConfig(loaded.config()), context.stdin(),
                context.interrupts(), context.globals(), context.commandPath());
    }
}
