package dev.rbee.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.UnknownEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every record of the wire packages, filled with sample values, must survive write → read unchanged and be written
 * with exactly the snake_case names of its components (plus {@code type} for events): a helper method that leaks
 * into the JSON, or a component Jackson cannot bind, fails here.
 */
class WireRecordsRoundTripTest {
    private static final List<String> WIRE_PACKAGES =
            List.of("queen", "hive", "worker", "openai", "error", "sse");

    private final Json json = new Json();

    static List<Class<?>> wireRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> records = new ArrayList<>();
        for (String pkg : WIRE_PACKAGES) {
            URL url = WireRecordsRoundTripTest.class.getClassLoader().getResource("dev/rbee/contract/" + pkg);
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) {
                        Class<?> type = Class.forName("dev.rbee.contract." + pkg + "." + name.replace(".class", ""));
                        if (type.isRecord()) {
                            records.add(type);
                        }
                    }
                }
            }
        }
        return records;
    }

    @Test
    void allPackagesContributeRecords() throws Exception {
        assertTrue(wireRecords().size() >= 60, "found only " + wireRecords().size());
    }

    @TestFactory
    Stream<DynamicTest> everyWireRecordRoundTrips() throws Exception {
        return wireRecords().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check(type)));
    }

    private void check(Class<?> type) throws Exception {
        Object sample = Samples.of(type);
        String text = json.write(sample);
        Class<?> readAs = SseEvent.class.isAssignableFrom(type) ? SseEvent.class : type;
        assertEquals(sample, json.read(text, readAs), text);
        assertEquals(expectedNames(type), fieldNames(json.tree(text)), text);
    }

    private static Set<String> expectedNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(snakeCase(c.getName()));
        }
        if (SseEvent.class.isAssignableFrom(type) && type != UnknownEvent.class) {
            names.add("type");
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Non-null sample values for any component type used on the wire. */
    static final class Samples {
        private Samples() {
        }

        static Object of(Class<?> record) throws ReflectiveOperationException {
            RecordComponent[] components = record.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = value(components[i].getGenericType());
            }
            return record.getDeclaredConstructor(types).newInstance(args);
        }

        private static Object value(Type type) throws ReflectiveOperationException {
            if (type instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                Object element = value(p.getActualTypeArguments()[raw == Map.class ? 1 : 0]);
                return raw == Map.class ? Map.of("key", element) : List.of(element);
            }
            Class<?> c = (Class<?>) type;
            if (c == String.class || c == Object.class) {
                return "text";
            }
            if (c == int.class || c == Integer.class) {
                return 3;
            }
            if (c == long.class || c == Long.class) {
                return 5_000_000_000L;
            }
            if (c == double.class || c == Double.class) {
                return 0.25;
            }
            if (c == boolean.class || c == Boolean.class) {
                return true;
            }
            if (c.isEnum()) {
                return c.getEnumConstants()[0];
            }
            if (c.isRecord()) {
                return of(c);
            }
            throw new IllegalArgumentException("No sample for " + c);
        }
    }
}
