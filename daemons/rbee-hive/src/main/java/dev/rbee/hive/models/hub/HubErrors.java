package dev.rbee.hive.models.hub;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The envelopes of api.md §6.1 for what the hub answers, with the wording of cli.md §10.3. */
public final class HubErrors {
    private HubErrors() {
    }

    public static RbeeException notOnHub(String modelRef, String org, String repo) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model_ref", modelRef);
        details.put("reason", "not_on_hub");
        details.put("url", "https://huggingface.co/" + org + "/" + repo);
        return RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "Model '" + modelRef + "' not found on Hugging Face",
                details);
    }

    public static RbeeException accessDenied(String modelRef) {
        return RbeeException.of(ErrorCode.MODEL_ACCESS_DENIED, "Access denied to model '" + modelRef
                + "' (private or gated)", Map.of("model_ref", modelRef, "hint", "HF_TOKEN"));
    }

    public static RbeeException fileNotInRepo(String modelRef, String wanted, List<String> available) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model_ref", modelRef);
        details.put("reason", "file_not_in_repo");
        details.put("available_files", available);
        return RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "No file matching '" + wanted + "' in " + modelRef
                + ". Available: " + String.join(", ", available), details);
    }

    public static RbeeException noGguf(String modelRef, String org, String repo) {
        return RbeeException.of(ErrorCode.MODEL_INCOMPATIBLE, "Repository " + org + "/" + repo
                + " contains no GGUF file", Map.of("model_ref", modelRef, "reason", "no_gguf"));
    }

    public static RbeeException splitFile(String modelRef, String file) {
        return RbeeException.of(ErrorCode.MODEL_INCOMPATIBLE, "Model " + modelRef + " is a split GGUF file ("
                + file + "); split files are not supported", Map.of("model_ref", modelRef, "reason", "split_file"));
    }

    public static RbeeException hubFailed(String modelRef, String reason, String lastError) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model_ref", modelRef);
        details.put("attempts", 1);
        details.put("reason", reason);
        details.put("last_error", lastError);
        return RbeeException.of(ErrorCode.DOWNLOAD_FAILED, "Listing " + modelRef + " on the hub failed: "
                + lastError, details);
    }
}
