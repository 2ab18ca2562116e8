package dev.rbee.contract.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.rbee.contract.error.RbeeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON configuration of rbee: snake_case names, unknown fields ignored, nulls written (the spec shows
 * {@code null} fields) unless a record component says NON_NULL, and no silent type coercion (a string where an int
 * belongs is a 400, api.md §1). Thread-safe; create one per process and pass it around.
 */
public final class Json {
    private final ObjectMapper mapper;

    public Json() {
        this.mapper = newMapper();
    }

    /** A fresh mapper with rbee's settings, for code (e.g. a Javalin JSON mapper) that needs the raw Jackson API. */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                // Helpers such as isDownload() on a record must not turn into wire properties.
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .build();
        forbidScalarCoercion(mapper);
        return mapper;
    }

    private static void forbidScalarCoercion(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** The configured mapper; shared, so never reconfigure it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialize " + value.getClass().getName(), e);
        }
    }

    public byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a request body; bad JSON or wrong types → 400 INVALID_REQUEST with field errors (api.md §3). */
    public <T> T read(String text, Class<T> type) {
        try {
            return decode(text, type);
        } catch (JsonDecodeException e) {
            throw e.toInvalidRequest(null);
        }
    }

    public <T> T read(byte[] bytes, Class<T> type) {
        try {
            return decode(bytes, type);
        } catch (JsonDecodeException e) {
            throw e.toInvalidRequest(null);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return decode(text, mapper.getTypeFactory().constructType(type));
        } catch (JsonDecodeException e) {
            throw e.toInvalidRequest(null);
        }
    }

    public JsonNode tree(String text) {
        return read(text, JsonNode.class);
    }

    /** Like {@link #read(String, Class)} but lets the caller choose the error (e.g. INVALID_RESPONSE). */
    public <T> T decode(String text, Class<T> type) throws JsonDecodeException {
        return decode(text, mapper.constructType(type));
    }

    public <T> T decode(byte[] bytes, Class<T> type) throws JsonDecodeException {
        return decode(new String(bytes, StandardCharsets.UTF_8), mapper.constructType(type));
    }

    private <T> T decode(String text, JavaType type) throws JsonDecodeException {
        if (text == null || text.isBlank()) {
            throw JsonErrors.emptyInput();
        }
        try {
            return mapper.readValue(text, type);
        } catch (IOException e) {
            throw JsonErrors.fromJackson(e, text, mapper);
        }
    }

    /** Converts between shapes (e.g. a details map into a record); a mismatch is a 400 like a bad body. */
    public <T> T convert(Object value, Class<T> type) {
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw convertFailure(e);
        }
    }

    private static RbeeException convertFailure(IllegalArgumentException e) {
        if (e.getCause() instanceof IOException io) {
            return JsonErrors.fromJackson(io, null, null).toInvalidRequest(null);
        }
        throw e;
    }
}
