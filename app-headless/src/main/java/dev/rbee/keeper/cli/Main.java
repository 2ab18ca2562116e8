package dev.rbee.keeper.cli;

/** Entry point of {@code rbee-keeper}; the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interrupts interrupts = new Interrupts(Thread.currentThread());
        interrupts.installSignalHandlers();
        KeeperCli cli = new KeeperCli(Console.system(), System.getenv(), System.in, interrupts);
        System.exit(cli.run(args));
    }
}
