package dev.rbee.engine.gguf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name of one part of a model split by llama.cpp's {@code gguf-split}: {@code <name>-00001-of-00003.gguf}.
 * The hive checks names before it downloads anything, so a split model is refused without fetching a part.
 *
 * @param part  1-based number of this part
 * @param count number of parts
 */
public record GgufSplitName(int part, int count) {
    // gguf-split writes "%s-%05d-of-%05d.gguf"; more digits appear for models of 100000+ parts, which do not exist.
    private static final Pattern SPLIT = Pattern.compile("-(\\d{5})-of-(\\d{5})\\.gguf$", Pattern.CASE_INSENSITIVE);

    /** The split part a file name denotes; empty for a name of a single-file model (or a "split" into one part). */
    public static Optional<GgufSplitName> parse(String fileName) {
        Matcher m = SPLIT.matcher(fileName);
        if (!m.find()) {
            return Optional.empty();
        }
        int part = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return count > 1 && part >= 1 && part <= count ? Optional.of(new GgufSplitName(part, count)) : Optional.empty();
    }
}
