package io.flotilla.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer-token authentication with roles. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, in constant time, and every known token is checked so the time taken does
 * not tell which one nearly matched. Tokens are never logged.
 */
public final class TokenAuth {

    /** One accepted token: its name (shown in audit logs), its role and its secret. */
    public record Token(String name, Role role, String secret) {
        @Override
        public String toString() {
            return "Token[" + name + ", " + role.label() + "]";
        }
    }

    private record Known(Principal principal, byte[] digest) {}

    private final List<Known> known;

    /**
     * Every token an admin: for services with one kind of caller, such as a sidecar ({@code
     * supervisor -> token}).
     */
    public TokenAuth(Map<String, String> tokensByPrincipal) {
        this(
                tokensByPrincipal.entrySet().stream()
                        .map(e -> new Token(e.getKey(), Role.ADMIN, e.getValue()))
                        .toList());
    }

    public TokenAuth(List<Token> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(
                    "at least one API token is needed: generate one with 'openssl rand -hex 32'");
        }
        List<Known> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Token t : tokens) {
            if (t.secret() == null || t.secret().length() < 16) {
                throw new IllegalArgumentException(
                        "token '"
                                + t.name()
                                + "': every API token must be at least 16 characters: generate one with 'openssl rand -hex 32'");
            }
            if (!names.add(t.name())) {
                throw new IllegalArgumentException(
                        "token name '"
                                + t.name()
                                + "' is used twice: give each token its own name");
            }
            list.add(new Known(new Principal(t.name(), t.role()), digest(t.secret())));
        }
        this.known = List.copyOf(list);
    }

    /** The principal the {@code Authorization} header authenticates; 401 without a valid one. */
    public Principal authenticate(String authorization) {
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || authorization.length() <= 7) {
            throw new ApiException(
                    401,
                    "unauthenticated",
                    "send 'Authorization: Bearer <token>' with one of the service's API tokens");
        }
        byte[] given = digest(authorization.substring(7).trim());
        Principal match = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(given, k.digest()) && match == null) {
                match = k.principal();
            }
        }
        if (match == null) {
            throw new ApiException(
                    401,
                    "unauthenticated",
                    "the bearer token is not valid for this service: check the token you were given");
        }
        return match;
    }

    /** 403 unless {@code principal}'s role includes {@code needed}. */
    public static void require(Principal principal, Role needed, String what) {
        if (!principal.role().allows(needed)) {
            throw new ApiException(
                    403,
                    "forbidden",
                    "token '"
                            + principal.name()
                            + "' has role "
                            + principal.role().label()
                            + "; "
                            + what
                            + " needs role "
                            + needed.label()
                            + " or higher: ask an admin for such a token");
        }
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
