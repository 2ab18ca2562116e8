package dev.rbee.contract.validation;

import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {

    @Test
    void collectsEveryFailureWithTheSpecsConstraintStrings() {
        Validator v = new Validator();
        v.required("prompt", null);
        v.range("temperature", 3.5, 0.0, 2.0);
        v.oneOf("backend", "quantum", List.of("cpu", "cuda", "metal"));
        v.length("job_id", "", 1, 64);
        v.range("max_tokens", 0, 1, 1_000_000);
        v.maxItems("stop", List.of("a", "b", "c", "d", "e"), 4);
        v.pattern("node", "Bad Name", Pattern.compile("[a-z0-9][a-z0-9-]{0,62}"));
        v.requires("device", 1, "backend", null);
        v.nonEmpty("messages", List.of());
        v.type("n", "int", "x");
        List<FieldError> errors = v.errors();
        assertEquals(List.of("required", "range(0.0,2.0)", "enum(cpu|cuda|metal)", "length(1,64)",
                "range(1,1000000)", "max_items(4)", "pattern([a-z0-9][a-z0-9-]{0,62})", "requires(backend)",
                "non_empty", "type(int)"), errors.stream().map(FieldError::constraint).toList());
        assertEquals("temperature must be between 0.0 and 2.0", errors.get(1).message());
        assertEquals(3.5, errors.get(1).value());
        assertEquals("backend must be one of cpu, cuda, metal", errors.get(2).message());
        assertEquals("quantum", errors.get(2).value());
        assertEquals("prompt is required", errors.get(0).message());

        RbeeException e = assertThrows(RbeeException.class, () -> v.throwIfInvalid("queen-rbee"));
        assertEquals("10 invalid field(s)", e.getMessage());
        assertEquals("queen-rbee", e.details().get("component"));
        assertEquals(errors, e.details().get("errors"));
    }

    @Test
    void optionalValuesPassWhenAbsent() {
        Validator v = new Validator();
        assertTrue(v.range("top_k", (Integer) null, 0, 10));
        assertTrue(v.length("x", null, 1, 2));
        assertTrue(v.oneOf("backend", null, List.of("cpu")));
        assertTrue(v.isValid());
        assertDoesNotThrow(() -> v.throwIfInvalid("x"));
    }

    @Test
    void exclusiveLowerBound() {
        Validator v = new Validator();
        assertFalse(v.rangeExcludingMin("repetition_penalty", 0.0, 0.0, 2.0));
        assertTrue(v.rangeExcludingMin("repetition_penalty", 2.0, 0.0, 2.0));
        assertEquals("repetition_penalty must be greater than 0.0 and at most 2.0", v.errors().getFirst().message());
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        Validator v = new Validator();
        assertTrue(v.length("stop[0]", "🐝", 1, 1));
        assertFalse(v.length("stop[0]", "🐝🐝", 1, 1));
    }

    @Test
    void longValuesAreNotEchoed() {
        Validator v = new Validator();
        v.length("prompt", "x".repeat(200), 1, 100);
        assertEquals(null, v.errors().getFirst().value());
    }
}
