package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Human-readable progress; {@code human} is at most 100 characters (api.md §4). Every narration is built through
 * this record, so a longer text (a deep model path, a long model ref) is shortened here, for every daemon and stream.
 */
public record NarrationEvent(
        String actor,
        String action,
        String human,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jobId) implements SseEvent {
    public static final int MAX_HUMAN_LENGTH = 100;
    /** Characters kept before the ellipsis; the rest of the budget goes to the end, which holds the outcome. */
    private static final int KEPT_HEAD = 40;
    private static final String ELLIPSIS = "…";

    public NarrationEvent {
        human = shorten(human);
    }

    public static NarrationEvent of(String actor, String action, String human) {
        return new NarrationEvent(actor, action, human, null);
    }

    /**
     * A text of at most {@link #MAX_HUMAN_LENGTH} characters (Unicode code points, so an emoji counts once and is
     * never cut in half): a longer one keeps its start and its end, joined by {@code …}, because narration ends with
     * what happened ("… (12.6 MB in 1.2 s)").
     */
    public static String shorten(String human) {
        if (human == null) {
            return null;
        }
        int length = human.codePointCount(0, human.length());
        if (length <= MAX_HUMAN_LENGTH) {
            return human;
        }
        int tail = MAX_HUMAN_LENGTH - KEPT_HEAD - 1;
        int headEnd = human.offsetByCodePoints(0, KEPT_HEAD);
        int tailStart = human.offsetByCodePoints(0, length - tail);
        return human.substring(0, headEnd) + ELLIPSIS + human.substring(tailStart);
    }

    @Override
    public String eventType() {
        return EventType.NARRATION;
    }
}
