package dev.rbee.queen.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogQueryTest {
    @Test
    void defaultsAreQueensOwnLogHundredLinesNoFollow() {
        assertEquals(new LogQuery(null, null, false, 100), LogQuery.parse(null, null, null, null));
        assertEquals(new LogQuery("localhost", "worker-3b1e", true, 10_000),
                LogQuery.parse("localhost", "worker-3b1e", "true", "10000"));
        assertEquals(1, LogQuery.parse("", "", "false", "1").lines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "10001", "99999999999999999999", "1.5", ""})
    void linesOutsideOneToTenThousandAreRefused(String lines) {
        RbeeException e = assertThrows(RbeeException.class, () -> LogQuery.parse("localhost", null, null, lines));
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals(List.of("lines"), fields(e));
    }

    @Test
    void aWorkerWithoutANodeAndABadFollowAreBothReported() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> LogQuery.parse(null, "worker-3b1e", "yes", null));
        assertEquals(List.of("worker", "follow"), fields(e));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(RbeeException e) {
        return ((List<FieldError>) e.details().get("errors")).stream().map(FieldError::field).toList();
    }
}
