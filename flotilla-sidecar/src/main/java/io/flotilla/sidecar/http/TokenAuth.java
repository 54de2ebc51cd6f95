package io.flotilla.sidecar.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Bearer-token authentication. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, in constant time, and every known token is checked so the time taken does
 * not tell which one nearly matched. Tokens are never logged.
 */
public final class TokenAuth {

    private final Map<String, byte[]> digestsByPrincipal;

    /**
     * {@code tokensByPrincipal}: who each token authenticates, e.g. {@code supervisor -> token}.
     */
    public TokenAuth(Map<String, String> tokensByPrincipal) {
        if (tokensByPrincipal.isEmpty()
                || tokensByPrincipal.values().stream()
                        .anyMatch(t -> t == null || t.length() < 16)) {
            throw new IllegalArgumentException(
                    "every API token must be at least 16 characters: generate one with 'openssl rand -hex 32'");
        }
        this.digestsByPrincipal =
                Map.copyOf(
                        tokensByPrincipal.entrySet().stream()
                                .collect(
                                        java.util.stream.Collectors.toMap(
                                                Map.Entry::getKey, e -> digest(e.getValue()))));
    }

    /**
     * The principal the {@code Authorization} header authenticates; 401 without one, 403 for a
     * wrong one.
     */
    public String authenticate(String authorization) {
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || authorization.length() <= 7) {
            throw new ApiException(
                    401,
                    "unauthenticated",
                    "send 'Authorization: Bearer <token>' with the sidecar's API token");
        }
        byte[] given = digest(authorization.substring(7).trim());
        String match = null;
        for (Map.Entry<String, byte[]> e : digestsByPrincipal.entrySet()) {
            if (MessageDigest.isEqual(given, e.getValue()) && match == null) {
                match = e.getKey();
            }
        }
        if (match == null) {
            throw new ApiException(
                    403, "forbidden", "the bearer token is not valid for this service");
        }
        return match;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
