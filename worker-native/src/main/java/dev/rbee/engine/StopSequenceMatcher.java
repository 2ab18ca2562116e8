package dev.rbee.engine;

import java.util.List;

/**
 * Finds stop sequences in streamed text. Text that could still become the start of a stop sequence is held back, so
 * a matched stop sequence is never emitted, while everything that cannot be part of one leaves at once.
 */
public final class StopSequenceMatcher {
    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private String matched;

    public StopSequenceMatcher(List<String> stops) {
        this.stops = List.copyOf(stops);
    }

    /** Adds generated text and returns the part that is safe to emit now. */
    public String feed(String text) {
        if (matched != null) {
            return "";
        }
        pending.append(text);
        for (String stop : stops) {
            int at = pending.indexOf(stop);
            if (at >= 0) {
                matched = stop;
                String before = pending.substring(0, at);
                pending.setLength(0);
                return before;
            }
        }
        int keep = longestSuffixThatStartsAStop();
        String ready = pending.substring(0, pending.length() - keep);
        pending.delete(0, pending.length() - keep);
        return ready;
    }

    /** The held-back text, for when generation ends without a match. */
    public String flush() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }

    public String matched() {
        return matched;
    }

    private int longestSuffixThatStartsAStop() {
        int best = 0;
        for (String stop : stops) {
            for (int len = Math.min(stop.length() - 1, pending.length()); len > best; len--) {
                if (stop.startsWith(pending.substring(pending.length() - len))) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }
}
