package dev.rbee.keeper;

import dev.rbee.contract.error.RbeeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueenUrlTest {

    @Test
    void flagWinsOverEnvironmentAndConfig() {
        QueenUrl url = QueenUrl.resolve("http://127.0.0.1:9999", Map.of(QueenUrl.ENV, "http://10.0.0.1:8080"),
                "http://192.168.1.1:8080");
        assertEquals("http://127.0.0.1:9999", url.text());
    }

    @Test
    void environmentWinsOverConfigAndDefault() {
        QueenUrl url = QueenUrl.resolve(null, Map.of(QueenUrl.ENV, "http://10.0.0.1:8080"), "http://192.168.1.1:1");
        assertEquals("http://10.0.0.1:8080", url.text());
    }

    @Test
    void configWinsOverDefault() {
        assertEquals("http://192.168.1.1:1", QueenUrl.resolve(null, Map.of(), "http://192.168.1.1:1").text());
    }

    @Test
    void defaultIsLoopback8080() {
        QueenUrl url = QueenUrl.resolve(null, Map.of(QueenUrl.ENV, "  "), null);
        assertEquals("http://127.0.0.1:8080", url.text());
        assertEquals(8080, url.port());
        assertTrue(url.isLoopback());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host:8080", "127.0.0.1:8080", "http://", "http://:8080", "not a url",
            "http://host:99999", "http://host:abc", "http://host:8080?x=1"})
    void rejectsUrlsWithoutHttpSchemeOrHost(String text) {
        RbeeException e = assertThrows(RbeeException.class, () -> QueenUrl.parse(text));
        assertEquals(KeeperErrors.USAGE_ERROR, e.code());
        assertEquals("Invalid queen URL '" + text + "': expected http://<host>:<port>", e.getMessage());
        assertEquals("rbee-keeper", e.component().orElseThrow());
    }

    @Test
    void invalidEnvironmentValueIsReportedToo() {
        assertThrows(RbeeException.class, () -> QueenUrl.resolve(null, Map.of(QueenUrl.ENV, "queen:8080"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.5.6.7:8080",
            "http://[::1]:8080", "https://LOCALHOST"})
    void loopbackAddresses(String text) {
        assertTrue(QueenUrl.parse(text).isLoopback());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:8080", "http://workstation.home.arpa:8080", "http://128.0.0.1:80",
            "http://localhost.example.com:8080"})
    void remoteAddresses(String text) {
        assertFalse(QueenUrl.parse(text).isLoopback());
    }

    @Test
    void defaultPortsAndTrailingSlash() {
        assertEquals(80, QueenUrl.parse("http://queen").port());
        assertEquals(443, QueenUrl.parse("https://queen").port());
        QueenUrl slash = QueenUrl.parse("http://127.0.0.1:8080/");
        assertEquals("http://127.0.0.1:8080", slash.text());
        assertEquals("http://127.0.0.1:8080", QueenUrl.parse("HTTP://127.0.0.1:8080").normalized().toLowerCase());
        assertEquals("http://queen:80", QueenUrl.parse("http://Queen").normalized());
    }
}
