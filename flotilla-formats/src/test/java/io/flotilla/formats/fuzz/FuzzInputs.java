package io.flotilla.formats.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates fuzz inputs from a fixed seed: random bytes, truncations, splices and mutations of
 * valid records, with tokens that matter to the format (brackets, escapes, markers, huge numbers,
 * deep nesting) inserted often. Inputs stay at most {@link #MAX_LEN} bytes.
 */
final class FuzzInputs {
    static final int MAX_LEN = 4096;

    private final SplittableRandom random;
    private final List<byte[]> seeds;
    private final byte[][] tokens;
    private final byte[] alphabet;

    FuzzInputs(long seed, List<byte[]> seeds, List<String> tokens) {
        this.random = new SplittableRandom(seed);
        this.seeds = seeds;
        this.tokens = new byte[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            this.tokens[i] = tokens.get(i).getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] t : this.tokens) {
            all.writeBytes(t);
        }
        this.alphabet = all.toByteArray();
    }

    byte[] next() {
        int kind = random.nextInt(100);
        if (kind < 10) {
            return randomBytes();
        }
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        if (kind < 25) {
            return java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1));
        }
        if (kind < 35) {
            byte[] other = seeds.get(random.nextInt(seeds.size()));
            return cap(concat(slice(seed), slice(other)));
        }
        byte[] out = seed;
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            out = cap(mutate(out));
        }
        return out;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(65)];
        for (int i = 0; i < b.length; i++) {
            // Half arbitrary bytes, half bytes the format gives meaning to.
            b[i] =
                    random.nextBoolean()
                            ? (byte) random.nextInt(256)
                            : alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    private byte[] mutate(byte[] in) {
        int at = random.nextInt(in.length + 1);
        switch (random.nextInt(6)) {
            case 0: // flip a bit
                if (in.length == 0) {
                    return in;
                }
                byte[] flipped = in.clone();
                int i = Math.min(at, in.length - 1);
                flipped[i] ^= (byte) (1 << random.nextInt(8));
                return flipped;
            case 1: // replace a byte
                if (in.length == 0) {
                    return in;
                }
                byte[] replaced = in.clone();
                replaced[Math.min(at, in.length - 1)] = (byte) random.nextInt(256);
                return replaced;
            case 2: // delete a range
                int len = random.nextInt(Math.min(16, in.length - at) + 1);
                return concat(
                        java.util.Arrays.copyOfRange(in, 0, at),
                        java.util.Arrays.copyOfRange(in, at + len, in.length));
            case 3: // duplicate a range
                int n = random.nextInt(Math.min(64, in.length - at) + 1);
                byte[] range = java.util.Arrays.copyOfRange(in, at, at + n);
                return insert(in, at, range);
            default: // insert a token
                return insert(in, at, tokens[random.nextInt(tokens.length)]);
        }
    }

    private byte[] slice(byte[] b) {
        int from = random.nextInt(b.length + 1);
        int to = from + random.nextInt(b.length - from + 1);
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    private static byte[] cap(byte[] b) {
        return b.length <= MAX_LEN ? b : java.util.Arrays.copyOf(b, MAX_LEN);
    }
}
