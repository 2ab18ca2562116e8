package dev.rbee.keeper.infer;

import dev.rbee.contract.error.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects option problems as {@link FieldError}s whose field is the flag ({@code --temperature}) and whose message
 * reads after it: {@code must be between 0.0 and 2.0 (got 3.5)}. Parsers return null when the value is absent or bad.
 */
final class OptionChecks {
    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    void fail(String flag, String constraint, String message, Object value) {
        errors.add(new FieldError(flag, constraint, message, value));
    }

    Long integer(String flag, String text, long min, long max) {
        if (text == null) {
            return null;
        }
        BigInteger value;
        try {
            value = new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            fail(flag, "type(integer)", "must be an integer (got '" + text + "')", text);
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            fail(flag, "range(" + min + "," + max + ")", rangeMessage(min, max, text.trim()), text);
            return null;
        }
        return value.longValue();
    }

    Double decimal(String flag, String text, double min, double max, boolean minExcluded) {
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            fail(flag, "type(number)", "must be a number (got '" + text + "')", text);
            return null;
        }
        double number = value.doubleValue();
        boolean below = minExcluded ? number <= min : number < min;
        if (below || number > max) {
            String message = minExcluded
                    ? "must be greater than " + min + " and at most " + max + " (got " + text.trim() + ")"
                    : "must be between " + min + " and " + max + " (got " + text.trim() + ")";
            fail(flag, "range(" + min + "," + max + ")", message, number);
            return null;
        }
        return number;
    }

    String oneOf(String flag, String text, List<String> allowed) {
        if (text == null) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            fail(flag, "enum(" + String.join("|", allowed) + ")",
                    "must be one of " + String.join(", ", allowed) + " (got '" + text + "')", text);
            return null;
        }
        return value;
    }

    private static String rangeMessage(long min, long max, String got) {
        String bounds = max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                ? "must be at least " + min : "must be between " + min + " and " + max;
        return bounds + " (got " + got + ")";
    }
}
