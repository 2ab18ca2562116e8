package dev.rbee.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code *_at} timestamps: RFC 3339 UTC with exactly three fraction digits, e.g. {@code 2026-11-26T14:02:11.532Z}. */
public final class Times {
    private static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String now() {
        return now(Clock.systemUTC());
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /** Truncates to milliseconds; always three fraction digits, even for {@code .000}. */
    public static String format(Instant instant) {
        return RFC3339_MILLIS.format(instant);
    }

    /** Accepts any RFC 3339 UTC instant ({@code Z}); the inverse of {@link #format}. */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** {@code *_unix} fields: whole seconds. */
    public static long unixSeconds(Instant instant) {
        return instant.getEpochSecond();
    }
}
