package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.hive.models.hub.FilePicker;
import dev.rbee.hive.models.hub.HubClient;
import dev.rbee.hive.models.hub.HubFile;
import dev.rbee.hive.preflight.Sizes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a Hugging Face model does not fit in RAM or VRAM, the error names a quantization of the same repo that does
 * (S064): the largest whole GGUF file whose size × 1.2 fits, because the biggest file that fits keeps the most
 * quality. The suggestion comes from the hub's real listing, so it never names a file the repo does not have; when
 * the hub cannot be asked or nothing fits, the error goes out without one.
 */
public final class SmallerQuantization {
    private static final Set<ErrorCode> SIZE_ERRORS = Set.of(ErrorCode.INSUFFICIENT_RAM, ErrorCode.INSUFFICIENT_VRAM);
    public static final String DETAIL = "suggested_model_ref";

    private final HubClient hub;

    public SmallerQuantization(HubClient hub) {
        this.hub = hub;
    }

    /** {@code error} with {@code details.suggested_model_ref} added when one exists, else {@code error} itself. */
    public RbeeException withSuggestion(RbeeException error, String modelRef) {
        Optional<ModelRef> ref = ModelRef.tryParse(modelRef).filter(ModelRef::isHf);
        if (SIZE_ERRORS.stream().noneMatch(error::is) || ref.isEmpty()
                || !(error.details().get("available_bytes") instanceof Number available)) {
            return error;
        }
        return fitting(ref.get(), available.longValue())
                .map(file -> error.withDetail(DETAIL, "hf:" + ref.get().reference() + ":" + label(file)))
                .orElse(error);
    }

    Optional<HubFile> fitting(ModelRef ref, long availableBytes) {
        List<HubFile> files;
        try {
            files = hub.listing(ref);
        } catch (RbeeException hubUnavailable) {
            return Optional.empty();
        }
        return files.stream()
                .filter(f -> f.isGguf() && !ModelRef.isSplitFile(f.name()) && f.sizeBytes() > 0)
                .filter(f -> FilePicker.quantizationOf(f.name()).isPresent())
                .filter(f -> Sizes.required(f.sizeBytes()) <= availableBytes)
                .max(Comparator.comparingLong(HubFile::sizeBytes));
    }

    private static String label(HubFile file) {
        return FilePicker.quantizationOf(file.name()).orElseThrow();
    }
}
