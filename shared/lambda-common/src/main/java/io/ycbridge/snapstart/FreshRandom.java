package io.ycbridge.snapstart;

import java.security.SecureRandom;

/**
 * Randomness that differs between execution environments restored from one SnapStart snapshot. A generator made
 * during init (a static {@code SecureRandom}, {@code ThreadLocalRandom}'s per-thread seed, a seeded
 * {@code java.util.Random}) is in the snapshot, so every restored environment would draw the same sequence: the same
 * retry jitter, which makes contended retries collide again in step, or the same SMS code and salt. AWS's guidance
 * ("Handling uniqueness with Lambda SnapStart", Lambda developer guide) is to generate unique data after init, in the
 * handler; so each draw here makes its generator then, seeded by the operating system (a few microseconds, off every
 * hot path). {@code SnapStartUniquenessTest} keeps other generators out of the functions' code.
 */
public final class FreshRandom {
    private FreshRandom() {
    }

    /** A uniform long in [from, to). */
    public static long between(long from, long to) {
        return new SecureRandom().nextLong(from, to);
    }

    /** A uniform int in [0, bound). */
    public static int below(int bound) {
        return new SecureRandom().nextInt(bound);
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
