package dev.rbee.contract.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Turns Jackson's failures into the spec's field errors: {@code $}/{@code json} or {@code <field>}/{@code type(t)}. */
final class JsonErrors {
    static final String ROOT = "$";
    static final String JSON = "json";

    private JsonErrors() {
    }

    static JsonDecodeException emptyInput() {
        String parseError = "Unexpected end of input: no content";
        return new JsonDecodeException(List.of(jsonError(parseError, 0)), parseError, 0, null);
    }

    /** {@code source} (the input as text, or null) is re-read on a type error to echo the offending value. */
    static JsonDecodeException fromJackson(IOException e, String source, ObjectMapper mapper) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof RbeeException rbee) {
            // A record constructor refused the value; its own error is more precise than ours.
            throw rbee;
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return jme.getCause() instanceof InputCoercionException ice
                    ? outOfRange(jme, ice)
                    : typeMismatch(jme, valueAt(source, jme.getPath(), mapper));
        }
        if (e instanceof JsonProcessingException jpe) {
            return syntax(jpe);
        }
        throw new UncheckedIOException(e);
    }

    private static JsonDecodeException syntax(JsonProcessingException e) {
        long position = position(e.getLocation());
        String parseError = e.getOriginalMessage();
        return new JsonDecodeException(List.of(jsonError(parseError, position)), parseError, position, e);
    }

    private static FieldError jsonError(String parseError, long position) {
        return FieldError.of(ROOT, JSON, parseError + " at position " + position);
    }

    private static JsonDecodeException typeMismatch(JsonMappingException e, Object value) {
        String field = fieldPath(e.getPath());
        Class<?> target = e instanceof MismatchedInputException mie ? mie.getTargetType() : null;
        FieldError error = target != null && target.isEnum()
                ? enumError(field, target, value)
                : typeError(field, typeName(target), value);
        return new JsonDecodeException(List.of(error), e.getOriginalMessage(), position(e.getLocation()), e);
    }

    /** A number too large for its field's Java type (Jackson wraps the parser's error with the field path). */
    private static JsonDecodeException outOfRange(JsonMappingException e, InputCoercionException cause) {
        String field = fieldPath(e.getPath());
        String type = typeName(cause.getTargetType());
        FieldError error = new FieldError(field, "type(" + type + ")",
                field + " is out of range for " + article(type) + " " + type, null);
        return new JsonDecodeException(List.of(error), cause.getOriginalMessage(), position(e.getLocation()), e);
    }

    static FieldError typeError(String field, String type, Object value) {
        return new FieldError(field, "type(" + type + ")", field + " must be " + article(type) + " " + type, value);
    }

    private static FieldError enumError(String field, Class<?> enumType, Object value) {
        List<String> names = Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList();
        return new FieldError(field, "enum(" + String.join("|", names) + ")",
                field + " must be one of " + String.join(", ", names), value);
    }

    private static String article(String type) {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }

    static String typeName(Class<?> target) {
        if (target == null) {
            return "object";
        }
        if (target == String.class || target == Character.class || target.isEnum()) {
            return "string";
        }
        if (target == Integer.class || target == Long.class || target == Short.class
                || target == Integer.TYPE || target == Long.TYPE || target == Short.TYPE) {
            return "int";
        }
        if (Number.class.isAssignableFrom(target) || target == Double.TYPE || target == Float.TYPE) {
            return "number";
        }
        if (target == Boolean.class || target == Boolean.TYPE) {
            return "boolean";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "array";
        }
        return "object";
    }

    /** {@code messages[0].role}: JSON names as the client wrote them (Jackson's path already uses them). */
    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? ROOT : out.toString();
    }

    /**
     * The offending scalar, echoed as {@code value}; null for objects and arrays. Jackson has closed its parser by
     * the time the error arrives, so the (already valid) input is read again as a tree; this only happens on errors.
     */
    private static Object valueAt(String source, List<JsonMappingException.Reference> path, ObjectMapper mapper) {
        if (source == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(source);
            for (JsonMappingException.Reference ref : path) {
                node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
            }
            return node.isValueNode() && !node.isNull() ? mapper.treeToValue(node, Object.class) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static long position(JsonLocation location) {
        if (location == null) {
            return -1;
        }
        return location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
    }
}
