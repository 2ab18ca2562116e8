package dev.rbee.keeper.cli;

import dev.rbee.contract.RbeeHome;

/**
 * The user's own values that suggestions fill in (cli.md §1). {@code command} is the command path after
 * {@code rbee-keeper} ("infer", "daemon start", "" for the program itself). Null fields are unknown.
 */
public record ErrorContext(String command, RbeeHome home, String node, String model, String workerId) {

    public static ErrorContext of(String command, RbeeHome home) {
        return new ErrorContext(command, home, null, null, null);
    }

    public ErrorContext withWorkerId(String id) {
        return new ErrorContext(command, home, node, model, id);
    }
}
