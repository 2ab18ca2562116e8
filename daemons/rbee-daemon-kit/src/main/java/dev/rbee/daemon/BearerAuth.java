package dev.rbee.daemon;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks {@code Authorization: Bearer <token>}: each request path needs one token, or none (the health routes, or
 * queen's user routes when no API key is configured). The comparison takes constant time so a token cannot be
 * guessed byte by byte from response times.
 */
public final class BearerAuth {
    private final Function<String, Optional<byte[]>> tokenFor;

    private BearerAuth(Function<String, Optional<byte[]>> tokenFor) {
        this.tokenFor = tokenFor;
    }

    public static BearerAuth required(String token, Set<String> publicPaths) {
        return required(token, Set.copyOf(publicPaths)::contains);
    }

    /** One token everywhere; {@code isPublic} decides per request path whether it may be left out. */
    public static BearerAuth required(String token, Predicate<String> isPublic) {
        byte[] bytes = bytes(token);
        return new BearerAuth(path -> isPublic.test(path) ? Optional.empty() : Optional.of(bytes));
    }

    /** {@code tokenFor} names the token a request path needs, or none. */
    public static BearerAuth perPath(Function<String, Optional<String>> tokenFor) {
        return new BearerAuth(path -> tokenFor.apply(path).map(BearerAuth::bytes));
    }

    private static byte[] bytes(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token is required");
        }
        return token.getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        Optional<byte[]> token = tokenFor.apply(ctx.path());
        if (token.isEmpty()) {
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
