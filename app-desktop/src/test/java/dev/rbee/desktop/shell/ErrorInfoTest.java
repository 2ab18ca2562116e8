package dev.rbee.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The CLI's error lines (cli.md §1) split into what a screen shows and what it keeps behind "Details". */
class ErrorInfoTest {
    @Test
    void theSpecLayoutGivesHeadlineCodeDetailsAndSuggestions() {
        String text = """
                [queen-rbee] ❌ Error: Host key of gpu1:22 is not known (HOST_KEY_UNKNOWN)
                  Fingerprint: SHA256:abc
                💡 Verify the fingerprint on the node, then accept it""";
        ErrorInfo info = ErrorInfo.parse(text);
        assertEquals(new ErrorInfo("❌ Host key of gpu1:22 is not known", "HOST_KEY_UNKNOWN", "queen-rbee",
                List.of("Fingerprint: SHA256:abc"), List.of("Verify the fingerprint on the node, then accept it")), info);
        assertEquals(text, info.fullText().replace("[queen-rbee] ❌ Host", "[queen-rbee] ❌ Error: Host"));
    }

    @Test
    void noTextIsNoErrorAndOtherTextIsAHeadlineWithoutCode() {
        assertNull(ErrorInfo.parse(""));
        assertNull(ErrorInfo.parse(null));
        ErrorInfo info = ErrorInfo.parse("❌ The API key cannot contain spaces");
        assertEquals("❌ The API key cannot contain spaces", info.headline());
        assertNull(info.code());
        assertEquals("❌ The API key cannot contain spaces", info.fullText());
    }
}
