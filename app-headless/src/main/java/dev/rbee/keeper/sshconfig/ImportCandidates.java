package dev.rbee.keeper.sshconfig;

import dev.rbee.contract.queen.AddNodeRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Host} aliases of an SSH config can become nodes (cli.md §7), shared by
 * {@code config import-ssh-config} and the desktop app: the others are skipped with a reason, in the file's order.
 */
public record ImportCandidates(List<SshHost> candidates, List<Skipped> skipped) {
    /** An alias that is not offered, and why ("already registered", a pattern, a bad port …). */
    public record Skipped(String alias, String reason) {
    }

    public static ImportCandidates of(SshConfig config, List<String> selected, Set<String> registered) {
        List<SshHost> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String alias : selected) {
            Optional<String> reason = SshConfig.notANode(alias);
            SshHost host = reason.isEmpty() ? config.host(alias) : null;
            if (reason.isEmpty() && host.problem() != null) {
                reason = Optional.of(host.problem());
            }
            if (reason.isEmpty() && registered.contains(alias)) {
                reason = Optional.of("already registered");
            }
            if (reason.isPresent()) {
                skipped.add(new Skipped(alias, reason.get()));
            } else {
                candidates.add(host);
            }
        }
        return new ImportCandidates(List.copyOf(candidates), List.copyOf(skipped));
    }

    /** The add-node request for {@code host}: its alias becomes the node name. */
    public static AddNodeRequest request(SshHost host, String installPath, String acceptHostKey) {
        return new AddNodeRequest(host.alias(), host.hostName(), host.port(), host.user(), host.keyPath(), installPath,
                null, null, acceptHostKey);
    }
}
