package io.flotilla.supervisor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives a deployment's JobIDs: the same inputs always give the same 32-hex JobID, so after any
 * crash the supervisor can look for the job it was about to start instead of starting another.
 */
public final class JobIds {

    private JobIds() {}

    /** The first 16 bytes of SHA-256 over (name, generation, attempt), as Flink's 32-hex JobID. */
    public static String derive(String deployment, long generation, long attempt) {
        byte[] name = deployment.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so no name can be chosen to collide with another (name, generation).
        ByteBuffer input = ByteBuffer.allocate(4 + name.length + 16);
        input.putInt(name.length).put(name).putLong(generation).putLong(attempt);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.array());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Every JobID the deployment may have had: each of its attempts so far under each generation up
     * to {@code generation} (an attempt ran one of them); the newest attempts first when there are
     * more than {@code 20,000} pairs.
     */
    public static java.util.Set<String> pastOf(String deployment, long generation, long attempts) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (long a = attempts; a >= 1 && ids.size() < 20_000; a--) {
            for (long g = 1; g <= generation; g++) {
                ids.add(derive(deployment, g, a));
            }
        }
        return ids;
    }
}
