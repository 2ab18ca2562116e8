package dev.rbee.keeper.cli;

import dev.rbee.contract.Version;
import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.KeeperErrors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the arguments, handles help, version and usage errors, runs the chosen command and maps the outcome to
 * an exit code: 0, 1, or 130 after Ctrl+C (cli.md §1). Picocli only parses; execution and errors stay here.
 */
public final class KeeperCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INTERRUPTED = 130;

    private final Console console;
    private final KeeperEnvironment env;
    private final InputStream stdin;
    private final Interrupts interrupts;

    public KeeperCli(Console console, Map<String, String> environment, InputStream stdin, Interrupts interrupts) {
        this(console, KeeperEnvironment.from(environment), stdin, interrupts);
    }

    public KeeperCli(Console console, KeeperEnvironment env, InputStream stdin, Interrupts interrupts) {
        this.console = console;
        this.env = env;
        this.stdin = stdin;
        this.interrupts = interrupts;
    }

    public static CommandLine commandLine() {
        return new CommandLine(new RootCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public int run(String... args) {
        CommandLine root = commandLine();
        if (args.length == 0) {
            // bin/rbee-keeper sends a call without arguments to the desktop app (app-desktop's DesktopMain); run
            // directly, the CLI without arguments prints its help.
            root.usage(console.out());
            return FAILED;
        }
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (ParameterException e) {
            return usageError(e, Arrays.asList(args).contains(GlobalOptions.JSON));
        }
        return dispatch(parsed);
    }

    private int dispatch(ParseResult parsed) {
        ParseResult leaf = parsed;
        boolean help = parsed.isUsageHelpRequested();
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            help |= leaf.isUsageHelpRequested();
        }
        GlobalOptions.Values globals = GlobalOptions.from(parsed);
        if (help) {
            leaf.commandSpec().commandLine().usage(console.out());
            return OK;
        }
        if (parsed.isVersionHelpRequested()) {
            printVersion(globals.json());
            return OK;
        }
        if (!(leaf.commandSpec().userObject() instanceof KeeperCommand command)) {
            leaf.commandSpec().commandLine().usage(console.out());
            return FAILED;
        }
        CliContext context = new CliContext(console, env, stdin, interrupts, globals, commandPath(leaf));
        try {
            context = ConfigStep.load(context);
        } catch (RbeeException e) {
            context.printError(e, context.errorContext(), command.streaming());
            return FAILED;
        }
        return execute(command, context);
    }

    private int execute(KeeperCommand command, CliContext context) {
        int code;
        try {
            code = command.execute(context);
        } catch (RbeeException e) {
            context.printError(e, context.errorContext(), command.streaming());
            code = FAILED;
        } catch (InterruptedCallException e) {
            code = INTERRUPTED;
        }
        return interrupts.happened() ? INTERRUPTED : code;
    }

    private int usageError(ParameterException e, boolean json) {
        String path = commandPath(e.getCommandLine().getCommandSpec());
        boolean streaming = e.getCommandLine().getCommandSpec().userObject() instanceof KeeperCommand command
                && command.streaming();
        GlobalOptions.Values globals = new GlobalOptions.Values(json, null);
        CliContext context = new CliContext(console, env, stdin, interrupts, globals, path);
        context.printError(KeeperErrors.usage(e.getMessage()), context.errorContext(), streaming);
        return FAILED;
    }

    private void printVersion(boolean json) {
        if (!json) {
            console.result("rbee-keeper " + Version.CURRENT);
            return;
        }
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("name", "rbee-keeper");
        version.put("version", Version.CURRENT);
        version.put("java", System.getProperty("java.version"));
        console.result(env.json().write(version));
    }

    private static String commandPath(ParseResult leaf) {
        return commandPath(leaf.commandSpec());
    }

    /** "daemon start" for {@code rbee-keeper daemon start}; "" for the program itself. */
    static String commandPath(CommandLine.Model.CommandSpec spec) {
        String qualified = spec.qualifiedName(" ");
        String root = spec.root().name();
        return qualified.equals(root) ? "" : qualified.substring(root.length() + 1);
    }
}
