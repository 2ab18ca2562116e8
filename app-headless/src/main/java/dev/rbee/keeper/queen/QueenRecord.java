package dev.rbee.keeper.queen;

/** {@code $RBEE_HOME/queen-rbee.json}: a queen started by {@code daemon start} (cli.md §4). */
public record QueenRecord(long pid, String url, String version, String startedAt) {
}
