package dev.rbee.hive.models.hub;

import dev.rbee.contract.ModelRef;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which GGUF file of a repo a ref means (api.md §8): an exact file name, a quantization label (case-insensitive), or
 * with neither the first of {@code Q4_K_M}, {@code Q4_0}, {@code Q8_0}, else the smallest {@code .gguf}. Split files
 * are never picked by preference; named exactly they are refused as MODEL_INCOMPATIBLE. Nothing is ever substituted.
 */
public final class FilePicker {
    public static final List<String> PREFERENCE = List.of("Q4_K_M", "Q4_0", "Q8_0");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(?:^|[._-])((?:I?Q\\d(?:_[A-Z0-9]+)*)|BF16|F16|F32)\\.gguf$");

    private FilePicker() {
    }

    /** The quantization label at the end of a file name ({@code m.Q4_K_M.gguf} → {@code Q4_K_M}), upper case. */
    public static Optional<String> quantizationOf(String fileName) {
        Matcher m = LABEL.matcher(fileName);
        return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    public static HubFile pick(ModelRef ref, List<HubFile> files) {
        List<HubFile> gguf = files.stream().filter(HubFile::isGguf).toList();
        if (gguf.isEmpty()) {
            throw HubErrors.noGguf(ref.raw(), ref.org(), ref.repo());
        }
        List<String> names = gguf.stream().map(HubFile::name).toList();
        if (ref.hasExactFile()) {
            HubFile exact = gguf.stream().filter(f -> f.name().equals(ref.selector())).findFirst()
                    .orElseThrow(() -> HubErrors.fileNotInRepo(ref.raw(), ref.selector(), names));
            return unsplit(ref, exact);
        }
        List<HubFile> whole = gguf.stream().filter(f -> !ModelRef.isSplitFile(f.name())).toList();
        if (ref.selector() != null) {
            return byLabel(whole, ref.selector())
                    .orElseThrow(() -> HubErrors.fileNotInRepo(ref.raw(), ref.selector(), names));
        }
        if (whole.isEmpty()) {
            throw HubErrors.splitFile(ref.raw(), gguf.getFirst().name());
        }
        for (String label : PREFERENCE) {
            Optional<HubFile> preferred = byLabel(whole, label);
            if (preferred.isPresent()) {
                return preferred.get();
            }
        }
        return whole.stream().min(Comparator.comparingLong(HubFile::sizeBytes).thenComparing(HubFile::name))
                .orElseThrow();
    }

    private static Optional<HubFile> byLabel(List<HubFile> files, String label) {
        return files.stream().filter(f -> quantizationOf(f.name()).filter(label::equalsIgnoreCase).isPresent())
                .min(Comparator.comparing(HubFile::name));
    }

    private static HubFile unsplit(ModelRef ref, HubFile file) {
        if (ModelRef.isSplitFile(file.name())) {
            throw HubErrors.splitFile(ref.raw(), file.name());
        }
        return file;
    }
}
