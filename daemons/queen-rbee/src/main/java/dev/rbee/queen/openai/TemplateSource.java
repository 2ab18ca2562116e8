package dev.rbee.queen.openai;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.hive.Model;
import dev.rbee.engine.gguf.GgufReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the chat format for a model ref: the family of the GGUF's {@code tokenizer.chat_template} when the model is
 * in the catalog of a running hive and its file is readable here (the local node), else the ref table of api.md
 * §5.8. A model not downloaded yet therefore gets the table's format on its first, cold request.
 */
public final class TemplateSource implements Function<String, ChatTemplate> {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateSource.class);
    static final String GGUF_KEY = "tokenizer.chat_template";

    private final Supplier<List<HiveClient>> localHives;
    /** By file and modification time: a header is read once, not per request. */
    private final Map<String, Optional<ChatTemplate>> fromFiles = new ConcurrentHashMap<>();

    public TemplateSource(Supplier<List<HiveClient>> localHives) {
        this.localHives = localHives;
    }

    @Override
    public ChatTemplate apply(String modelRef) {
        return localFile(modelRef).flatMap(this::fromFile).orElseGet(() -> ChatTemplate.forModelRef(modelRef));
    }

    private Optional<Path> localFile(String modelRef) {
        for (HiveClient hive : localHives.get()) {
            try {
                for (Model m : hive.models().models()) {
                    if ((modelRef.equals(m.modelRef()) || modelRef.equals(resolvedRef(m))) && m.localPath() != null) {
                        return Optional.of(Path.of(m.localPath()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("No catalog for the chat template of {}: {}", modelRef, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Optional<ChatTemplate> fromFile(Path file) {
        try {
            String key = file + "@" + Files.getLastModifiedTime(file).toMillis();
            return fromFiles.computeIfAbsent(key, k -> read(file));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ChatTemplate> read(Path file) {
        try {
            return new GgufReader().read(file).string(GGUF_KEY).flatMap(ChatTemplate::fromGgufTemplate);
        } catch (Exception e) {
            LOG.warn("Cannot read the chat template of {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static String resolvedRef(Model m) {
        return ModelRef.HF.equals(m.provider()) ? "hf:" + m.reference() + ":" + m.file() : m.modelRef();
    }
}
