package dev.rbee.keeper.cli;

import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error layout of cli.md §1: {@code [<component>] ❌ Error: <message> (<CODE>)}, detail lines indented two
 * spaces, then {@code 💡} suggestions; and its JSON forms (an envelope document, or a stream's error line).
 */
public final class ErrorPresenter {
    private static final List<String> MODEL_REF_FORMS = List.of(
            "Expected one of:",
            "  hf:<org>/<repo>                  e.g. hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF",
            "  hf:<org>/<repo>:<file-or-quant>  e.g. hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:Q4_K_M",
            "  file:/abs/path/model.gguf",
            "  demo:tiny                        (built-in, random weights)");

    private ErrorPresenter() {
    }

    public static List<String> lines(RbeeException e, ErrorContext context) {
        List<String> lines = new ArrayList<>();
        lines.add("[" + component(e) + "] ❌ Error: " + message(e) + " (" + e.code() + ")");
        detailLines(e).forEach(line -> lines.add("  " + line));
        Suggestions.of(e, context).forEach(line -> lines.add("💡 " + line));
        return lines;
    }

    /** cli.md §10.3 words queen's 401s from the user's side; other messages are shown as the daemon wrote them. */
    static String message(RbeeException e) {
        return switch (e.code()) {
            case "MISSING_API_KEY" -> "Authentication required by queen-rbee";
            case "INVALID_API_KEY" -> "Authentication failed: queen-rbee rejected the API key";
            default -> e.getMessage();
        };
    }

    /** {@code details.component}; errors without one come from queen (keeper marks its own). */
    static String component(RbeeException e) {
        return e.component().orElse(Component.QUEEN);
    }

    static List<String> detailLines(RbeeException e) {
        return switch (e.code()) {
            case "INVALID_MODEL_REF" -> MODEL_REF_FORMS;
            case "INVALID_REQUEST" -> fieldLines(e.details().get(RbeeException.ERRORS));
            case KeeperErrors.QUEEN_START_FAILED, "HIVE_START_FAILED" ->
                    strings(e.details().get(KeeperErrors.LOG_TAIL));
            default -> SetupErrors.detailLines(e);
        };
    }

    /** Keeper's own field errors read {@code --flag: must …}; a daemon's message already names its field. */
    private static List<String> fieldLines(Object errors) {
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Object each : list) {
            String field = each instanceof FieldError f ? f.field() : String.valueOf(get(each, "field"));
            String message = each instanceof FieldError f ? f.message() : String.valueOf(get(each, "message"));
            lines.add(message.startsWith(field) ? message : field + ": " + message);
        }
        return lines;
    }

    private static Object get(Object map, String key) {
        return map instanceof Map<?, ?> m ? m.get(key) : null;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** {@code {"error":{"code","message","details":{…,"suggestions":[…]}}}} for non-streaming commands. */
    public static String jsonDocument(Json json, RbeeException e, ErrorContext context) {
        return json.write(Map.of("error", errorObject(e, context)));
    }

    /** The envelope's inner object {@code {"code","message","details"}}, for documents that list several errors. */
    public static Map<String, Object> errorObject(RbeeException e, ErrorContext context) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("details", detailsWithSuggestions(e, context));
        return error;
    }

    /** {@code {"type":"error","code","message","details"}} for streaming commands. */
    public static String jsonLine(Json json, RbeeException e, ErrorContext context) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "error");
        line.put("code", e.code());
        line.put("message", e.getMessage());
        line.put("details", detailsWithSuggestions(e, context));
        return json.write(line);
    }

    private static Map<String, Object> detailsWithSuggestions(RbeeException e, ErrorContext context) {
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        List<String> suggestions = Suggestions.of(e, context);
        if (!suggestions.isEmpty()) {
            details.put(Suggestions.DETAILS_KEY, suggestions);
        }
        return details;
    }
}
