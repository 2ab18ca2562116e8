package dev.rbee.desktop.nodes;

import dev.rbee.keeper.sshconfig.SshHost;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A host of ~/.ssh/config offered for import, with its checkbox (chosen by default). */
public record ImportChoice(SshHost host, BooleanProperty chosen) {
    public ImportChoice(SshHost host) {
        this(host, new SimpleBooleanProperty(true));
    }

    @Override
    public String toString() {
        return host.alias() + "  (" + host.destination() + ", key " + host.keyShown() + ")";
    }
}
