package dev.infoprune.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * A small seeded mutator for bounded fuzzing inside {@code mvn verify}: bit flips, interesting bytes and
 * integers (both byte orders), inserted tokens that readers treat specially, deletions, duplications and
 * truncation, one to four per input.
 */
final class Mutator {
    private static final int[] INTS = {0, -1, 1, 0x7FFFFFFF, 0x80000000, 0x7FFFFFFE, 46341, 65536, 0xFFFF};
    private static final String[] TOKENS = {"NaN", "inf", "-Infinity", "1e39", "1e308", "-1", "999999999",
            "4294967424", "[", "{", "\"", ",", "\n", "'shape': (1073741823, 2), ", "'descr': '>f8', ", "True", "null"};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    byte[] mutate(byte[] seed) {
        byte[] b = seed.clone();
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps; s++) {
            b = step(b);
        }
        return b;
    }

    private byte[] step(byte[] b) {
        int n = b.length;
        switch (random.nextInt(8)) {
            case 0 -> {
                if (n > 0) {
                    b[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                if (n > 0) {
                    b[random.nextInt(n)] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, '9', '['}[random.nextInt(6)];
                }
            }
            case 2 -> {
                if (n >= 4) {
                    ByteBuffer.wrap(b).order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                            .putInt(random.nextInt(n - 3), INTS[random.nextInt(INTS.length)]);
                }
            }
            case 3 -> {
                byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.ISO_8859_1);
                return insert(b, random.nextInt(n + 1), token);
            }
            case 4 -> {
                if (n > 0) {
                    int from = random.nextInt(n);
                    int len = 1 + random.nextInt(Math.min(64, n - from));
                    byte[] out = new byte[n - len];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, n - from - len);
                    return out;
                }
            }
            case 5 -> {
                if (n > 0) {
                    int from = random.nextInt(n);
                    int len = 1 + random.nextInt(Math.min(64, n - from));
                    return insert(b, random.nextInt(n + 1), Arrays.copyOfRange(b, from, from + len));
                }
            }
            case 6 -> {
                if (n > 0) {
                    return Arrays.copyOf(b, random.nextInt(n));
                }
            }
            default -> {
                byte[] junk = new byte[1 + random.nextInt(8)];
                random.nextBytes(junk);
                return insert(b, random.nextInt(n + 1), junk);
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
