package dev.rbee.keeper.cli.models;

import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.ModelDeleteResponse;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.models.ModelDownload;

/** The sentences of {@code models download} and {@code models rm} (cli.md §11), also shown by the desktop app. */
public final class ModelLines {
    private ModelLines() {
    }

    public static String downloaded(ModelDownload.Result result) {
        return result.downloaded()
                ? "✅ " + result.model() + " downloaded to " + result.complete().localPath() + " ("
                        + Formats.bytes(result.totalBytes()) + ")"
                : "✅ " + result.model() + " is already on " + result.node() + ": " + result.complete().localPath();
    }

    /** The confirmation question of {@code models rm}, without the {@code [y/N]} of the terminal. */
    public static String question(Model entry, String node) {
        return "Delete " + entry.id() + " (" + Formats.bytes(entry.sizeBytes()) + ") from " + node + "?";
    }

    public static String deleted(ModelDeleteResponse deleted, String node) {
        return "✅ Deleted " + deleted.deleted() + " from " + node + " (" + Formats.bytes(deleted.freedBytes())
                + " freed)";
    }
}
