package dev.rbee.contract;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed model reference (api.md §8): {@code hf:<org>/<repo>[:<file-or-quant>]}, {@code file:/abs/path}
 * ({@code file:///abs/path} accepted) or {@code demo:tiny}. {@code raw} is the reference as the user wrote it.
 * For hf refs, {@code selector} is the exact file (ends in {@code .gguf}) or a quantization label, or null.
 */
public record ModelRef(String raw, String provider, String org, String repo, String selector, String path) {
    public static final String HF = "hf";
    public static final String FILE = "file";
    public static final String DEMO = "demo";
    public static final String DEMO_TINY = "demo:tiny";
    public static final List<String> ACCEPTED = List.of("hf:<org>/<repo>", "hf:<org>/<repo>:<file-or-quant>",
            "file:/abs/path/model.gguf", "demo:tiny");

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,95}";
    private static final Pattern HF_REF = Pattern.compile("hf:(" + NAME + ")/(" + NAME + ")(?::(.+))?");
    private static final Pattern QUANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern SPLIT_FILE = Pattern.compile(".*-\\d{5}-of-\\d{5}\\.gguf", Pattern.CASE_INSENSITIVE);
    private static final String GGUF = ".gguf";

    /** Parses or throws 400 INVALID_MODEL_REF with {@code details {model_ref, accepted[]}}. */
    public static ModelRef parse(String ref) {
        return tryParse(ref).orElseThrow(() -> invalid(ref));
    }

    public static Optional<ModelRef> tryParse(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.equals(DEMO_TINY)) {
            return Optional.of(new ModelRef(ref, DEMO, null, null, null, null));
        }
        if (ref.startsWith(FILE + ":")) {
            return parseFile(ref);
        }
        Matcher hf = HF_REF.matcher(ref);
        if (hf.matches() && (hf.group(3) == null || isSelector(hf.group(3)))) {
            return Optional.of(new ModelRef(ref, HF, hf.group(1), hf.group(2), hf.group(3), null));
        }
        return Optional.empty();
    }

    public static boolean isValid(String ref) {
        return tryParse(ref).isPresent();
    }

    public static RbeeException invalid(String ref) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model_ref", ref);
        details.put("accepted", ACCEPTED);
        return RbeeException.of(ErrorCode.INVALID_MODEL_REF, "Invalid model reference '" + ref + "'", details);
    }

    private static Optional<ModelRef> parseFile(String ref) {
        String rest = ref.substring(FILE.length() + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        boolean absolute = rest.length() > 1 && rest.startsWith("/") && !rest.startsWith("//");
        if (!absolute || containsControl(rest)) {
            return Optional.empty();
        }
        return Optional.of(new ModelRef(ref, FILE, null, null, null, rest));
    }

    private static boolean isSelector(String selector) {
        if (selector.toLowerCase().endsWith(GGUF)) {
            return isSafeFileName(selector);
        }
        return QUANT.matcher(selector).matches();
    }

    /** A path inside the repo: relative, no {@code ..}, no backslash, whitespace or control characters. */
    private static boolean isSafeFileName(String file) {
        if (file.startsWith("/") || file.contains("..") || file.contains("\\") || containsControl(file)) {
            return false;
        }
        return file.chars().noneMatch(Character::isWhitespace) && file.length() > GGUF.length();
    }

    private static boolean containsControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    public boolean isHf() {
        return HF.equals(provider);
    }

    public boolean isFile() {
        return FILE.equals(provider);
    }

    public boolean isDemo() {
        return DEMO.equals(provider);
    }

    /** {@code org/repo} for hf, the absolute path for file, {@code tiny} for demo (the catalog's {@code reference}). */
    public String reference() {
        return switch (provider) {
            case HF -> org + "/" + repo;
            case FILE -> path;
            default -> "tiny";
        };
    }

    /** True when an hf ref names its exact file rather than a quantization. */
    public boolean hasExactFile() {
        return isHf() && selector != null && selector.toLowerCase().endsWith(GGUF);
    }

    /** The quantization label of {@code hf:org/repo:Q8_0}; empty for exact files and other providers. */
    public Optional<String> quantization() {
        return isHf() && selector != null && !hasExactFile() ? Optional.of(selector) : Optional.empty();
    }

    /** The file this ref names when it is known without asking the hub. */
    public Optional<String> fileName() {
        if (hasExactFile()) {
            return Optional.of(selector);
        }
        return isFile() ? Optional.of(Path.of(path).getFileName().toString()) : Optional.empty();
    }

    /** {@code hf:<org>/<repo>:<file>} once the file is chosen; file and demo refs resolve to themselves. */
    public String resolvedRef(String chosenFile) {
        return isHf() ? HF + ":" + org + "/" + repo + ":" + chosenFile : raw;
    }

    /** The ref when it needs no hub lookup to resolve (exact hf file, file:, demo:). */
    public Optional<String> resolvedRef() {
        if (isHf()) {
            return hasExactFile() ? Optional.of(raw) : Optional.empty();
        }
        return Optional.of(raw);
    }

    /** The catalog id for a file: its name without {@code .gguf} and without any directory (api.md §1). */
    public static String modelId(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        return base.toLowerCase().endsWith(GGUF) ? base.substring(0, base.length() - GGUF.length()) : base;
    }

    /** The catalog id when known from the ref alone: {@code demo:tiny} → {@code demo-tiny}. */
    public Optional<String> modelId() {
        if (isDemo()) {
            return Optional.of("demo-tiny");
        }
        return fileName().map(ModelRef::modelId);
    }

    /** Split GGUF files ({@code -00001-of-00003.gguf}) are refused as MODEL_INCOMPATIBLE. */
    public static boolean isSplitFile(String fileName) {
        return SPLIT_FILE.matcher(fileName).matches();
    }
}
