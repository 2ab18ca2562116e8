package dev.rbee.desktop.overview;

/** One line of the overview's node table: the registry's status, the hive's state and version, the worker count. */
public record NodeRow(String name, String status, String hive, int workers) {
}
