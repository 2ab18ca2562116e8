package dev.rbee.desktop.overview;

/** One in-flight job on the overview: where it runs, how far it got, how fast it goes now. */
public record JobRow(String jobId, String node, String model, String state, long tokens, String tokensPerSecond,
                     String elapsed) {
}
