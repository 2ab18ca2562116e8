package dev.rbee.contract.error;

/** Names used in {@code details.component} and as narration actors (api.md §3, §4). */
public final class Component {
    public static final String QUEEN = "queen-rbee";
    public static final String HIVE = "rbee-hive";
    public static final String WORKER = "llm-worker-rbee";
    public static final String KEEPER = "rbee-keeper";

    private Component() {
    }
}
