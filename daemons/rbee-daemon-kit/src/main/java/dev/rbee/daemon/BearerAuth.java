package dev.rbee.daemon;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks {@code Authorization: Bearer <token>} on every path except the public ones (the health routes). The
 * comparison takes constant time so the token cannot be guessed byte by byte from response times.
 */
public final class BearerAuth {
    private final Optional<byte[]> token;
    private final Predicate<String> isPublic;

    private BearerAuth(Optional<byte[]> token, Predicate<String> isPublic) {
        this.token = token;
        this.isPublic = isPublic;
    }

    public static BearerAuth required(String token, Set<String> publicPaths) {
        return required(token, Set.copyOf(publicPaths)::contains);
    }

    /** {@code isPublic} decides per request path whether the token may be left out. */
    public static BearerAuth required(String token, Predicate<String> isPublic) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token is required");
        }
        return new BearerAuth(Optional.of(token.getBytes(StandardCharsets.UTF_8)), isPublic);
    }

    void check(Context ctx) {
        if (token.isEmpty() || isPublic.test(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw RbeeException.of(ErrorCode.MISSING_API_KEY, "Missing API key");
        }
        byte[] offered = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(offered, token.get())) {
            throw RbeeException.of(ErrorCode.INVALID_API_KEY, "Invalid or missing API key");
        }
    }
}
