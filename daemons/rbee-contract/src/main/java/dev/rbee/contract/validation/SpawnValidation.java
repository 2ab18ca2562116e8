package dev.rbee.contract.validation;

import dev.rbee.contract.Ids;
import dev.rbee.contract.ModelRef;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.queen.SpawnWorkerRequest;

/** Field rules of queen's {@code POST /v2/workers/spawn} (api.md §5.4) and the hive's (§6.2). */
public final class SpawnValidation {
    public static final int MIN_SLOTS = 1;
    public static final int MAX_SLOTS = 16;

    private SpawnValidation() {
    }

    /** 400 INVALID_REQUEST for field errors, then 400 INVALID_MODEL_REF for a malformed {@code model}. */
    public static void validate(SpawnWorkerRequest request, String component) {
        Validator v = new Validator();
        v.pattern("node", request.node(), Ids.NODE_NAME);
        v.required("model", request.model());
        InferenceValidation.checkPlacement(v, request.backend(), request.device());
        v.range("slots", request.slots(), MIN_SLOTS, MAX_SLOTS);
        v.throwIfInvalid(component);
        requireModelRef(request.model(), component);
    }

    public static void validate(HiveSpawnRequest request, String component) {
        Validator v = new Validator();
        v.required("model_ref", request.modelRef());
        InferenceValidation.checkPlacement(v, request.backend(), request.device());
        v.range("slots", request.slots(), MIN_SLOTS, MAX_SLOTS);
        v.throwIfInvalid(component);
        requireModelRef(request.modelRef(), component);
    }

    private static void requireModelRef(String ref, String component) {
        if (!ModelRef.isValid(ref)) {
            throw ModelRef.invalid(ref).withComponentIfAbsent(component);
        }
    }
}
