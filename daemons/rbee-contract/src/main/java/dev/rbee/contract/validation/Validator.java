package dev.rbee.contract.validation;

import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every failing field with the spec's constraint strings (api.md §3), then throws one INVALID_REQUEST
 * listing them all. Each check except {@link #required} passes when the value is null, so optional fields are
 * checked only when given; the boolean results let callers skip checks that make no sense after a failure.
 */
public final class Validator {
    /** Values longer than this are not echoed back in {@code value} (a 32 KiB prompt helps nobody). */
    private static final int MAX_ECHOED_LENGTH = 100;

    private final List<FieldError> errors = new ArrayList<>();

    public boolean required(String field, Object value) {
        if (value == null) {
            errors.add(FieldError.of(field, "required", field + " is required"));
            return false;
        }
        return true;
    }

    public boolean nonEmpty(String field, String value) {
        if (value != null && value.isEmpty()) {
            return fail(field, "non_empty", field + " must not be empty", value);
        }
        return true;
    }

    public boolean nonEmpty(String field, Collection<?> value) {
        if (value != null && value.isEmpty()) {
            return fail(field, "non_empty", field + " must not be empty", null);
        }
        return true;
    }

    /** Length in characters (Unicode code points), both bounds inclusive. */
    public boolean length(String field, String value, int min, int max) {
        if (value == null) {
            return true;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return fail(field, "length(" + min + "," + max + ")",
                    field + " must be between " + min + " and " + max + " characters long", echo(value));
        }
        return true;
    }

    public boolean range(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            return fail(field, "range(" + min + "," + max + ")",
                    field + " must be between " + min + " and " + max, value);
        }
        return true;
    }

    public boolean range(String field, Integer value, long min, long max) {
        return range(field, value == null ? null : value.longValue(), min, max);
    }

    /** Prints bounds as Java does ({@code 0.0}, {@code 2.0}), the form the spec's messages use. */
    public boolean range(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            return fail(field, "range(" + min + "," + max + ")",
                    field + " must be between " + min + " and " + max, value);
        }
        return true;
    }

    /**
     * A range whose lower bound is excluded (e.g. {@code repetition_penalty > 0.0}). The spec only has inclusive
     * {@code range}, so the constraint names the bounds and the message says that the lower one is excluded.
     */
    public boolean rangeExcludingMin(String field, Double value, double min, double max) {
        if (value != null && !(value > min && value <= max)) {
            return fail(field, "range(" + min + "," + max + ")",
                    field + " must be greater than " + min + " and at most " + max, value);
        }
        return true;
    }

    public boolean maxItems(String field, Collection<?> value, int max) {
        if (value != null && value.size() > max) {
            return fail(field, "max_items(" + max + ")", field + " must have at most " + max + " items", null);
        }
        return true;
    }

    public boolean oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            return fail(field, "enum(" + String.join("|", allowed) + ")",
                    field + " must be one of " + String.join(", ", allowed), echo(value));
        }
        return true;
    }

    /** The whole value must match. */
    public boolean pattern(String field, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            return fail(field, "pattern(" + pattern.pattern() + ")",
                    field + " must match " + pattern.pattern(), echo(value));
        }
        return true;
    }

    /** {@code field} may only be given together with {@code other} (e.g. {@code device} requires {@code backend}). */
    public boolean requires(String field, Object value, String other, Object otherValue) {
        if (value != null && otherValue == null) {
            return fail(field, "requires(" + other + ")", field + " requires " + other, value);
        }
        return true;
    }

    public boolean type(String field, String type, Object value) {
        return fail(field, "type(" + type + ")", field + " must be of type " + type, value);
    }

    /** Any other rule, e.g. {@code file_exists}. */
    public boolean fail(String field, String constraint, String message, Object value) {
        errors.add(new FieldError(field, constraint, message, value));
        return false;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Throws 400 INVALID_REQUEST with every collected error; does nothing when all checks passed. */
    public void throwIfInvalid(String component) {
        if (!errors.isEmpty()) {
            throw RbeeException.invalid(errors, component);
        }
    }

    private static Object echo(String value) {
        return value.length() <= MAX_ECHOED_LENGTH ? value : null;
    }
}
