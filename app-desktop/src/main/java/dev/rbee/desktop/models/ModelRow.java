package dev.rbee.desktop.models;

import dev.rbee.contract.hive.Model;
import dev.rbee.keeper.cli.infer.Formats;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the catalog table, as text, with the columns of {@code models list} (cli.md §11) plus the source
 * (provider) and a state: {@code downloaded} for catalog entries, {@code downloading 40%} for the download in flight.
 */
public record ModelRow(String id, String model, String size, String source, String downloaded, String path,
                       String state) {
    public static final String DOWNLOADED = "downloaded";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public static ModelRow of(Model m) {
        return new ModelRow(m.id(), m.modelRef(), Formats.bytes(m.sizeBytes()), m.provider(),
                WHEN.format(Instant.ofEpochSecond(m.downloadedAtUnix())), m.localPath(), DOWNLOADED);
    }

    /** The download this screen is following, before the catalog has it. */
    public static ModelRow downloading(String ref, long done, long total) {
        int percent = total > 0 ? (int) (100 * done / total) : 0;
        String size = total > 0 ? Formats.bytes(total) : "";
        return new ModelRow("", ref, size, ref.substring(0, Math.max(0, ref.indexOf(':'))), "", "",
                "downloading " + percent + "%");
    }
}
