package dev.rbee.keeper.cli;

/** A runnable (leaf) command. Returns the exit code; may throw RbeeException, which is printed with its layout. */
public interface KeeperCommand {
    int execute(CliContext context);

    /** Streaming commands print errors as a JSON line ({@code {"type":"error",…}}) under {@code --json}. */
    default boolean streaming() {
        return false;
    }
}
