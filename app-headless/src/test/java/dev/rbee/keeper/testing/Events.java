package dev.rbee.keeper.testing;

import java.util.ArrayList;
import java.util.List;

/** Event payloads as queen sends them (api.md §4, §5.6). */
public final class Events {
    private Events() {
    }

    public static String started(String jobId) {
        return "{\"type\":\"started\",\"job_id\":\"" + jobId + "\",\"model\":\"demo:tiny\",\"node\":\"localhost\","
                + "\"worker_id\":\"worker-3b1e\",\"started_at\":\"2026-11-26T14:02:11.532Z\",\"seed\":42}";
    }

    public static String token(String t, int i) {
        return "{\"type\":\"token\",\"t\":\"" + t.replace("\n", "\\n") + "\",\"i\":" + i + "}";
    }

    public static String metrics() {
        return "{\"type\":\"metrics\",\"tokens_per_sec\":13.2,\"time_to_first_token_ms\":210}";
    }

    public static String end(int tokens, String reason) {
        return "{\"type\":\"end\",\"tokens_out\":" + tokens + ",\"decode_time_ms\":1515,\"stop_reason\":\"" + reason
                + "\"}";
    }

    public static String error(String code, String message) {
        return "{\"type\":\"error\",\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":"
                + "{\"component\":\"rbee-hive\",\"node\":\"localhost\",\"device\":1}}";
    }

    public static String narration(String actor, String human) {
        return "{\"type\":\"narration\",\"actor\":\"" + actor + "\",\"action\":\"x\",\"human\":\"" + human + "\"}";
    }

    /** started, one token event per text, metrics, end MAX_TOKENS. */
    public static List<String> warmRun(String jobId, String... tokens) {
        List<String> events = new ArrayList<>();
        events.add(started(jobId));
        for (int i = 0; i < tokens.length; i++) {
            events.add(token(tokens[i], i));
        }
        events.add(metrics());
        events.add(end(tokens.length, "MAX_TOKENS"));
        return events;
    }
}
