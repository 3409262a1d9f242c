package io.rankexec.kernels.birthday;

import io.rankexec.kernels.support.Draws;
import io.rankexec.rng.BlockRandom;

/**
 * The seed's {@code pbirthday}: the probability that at least two people in a group share a
 * birthday, by simulation (365 equally likely days) and exactly.
 */
public final class Birthday {

    public static final int DAYS = 365;

    private Birthday() {
    }

    /** Number of the {@code tests} simulated groups of {@code groupSize} that contain a shared birthday. */
    public static int countSharedBirthdays(BlockRandom rng, int groupSize, int tests) {
        if (groupSize < 1) throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
        if (tests < 1) throw new IllegalArgumentException("tests must be >= 1, got " + tests);
        // stamp[d] == t marks day d as taken in test t: no clearing between tests
        int[] stamp = new int[DAYS];
        int hits = 0;
        for (int t = 1; t <= tests; t++) {
            for (int p = 0; p < groupSize; p++) {
                int day = Draws.below(rng, DAYS);
                if (stamp[day] == t) {
                    hits++;
                    // the seed draws the whole group before testing; drawing the rest keeps the
                    // stream position independent of where the first duplicate falls
                    for (int q = p + 1; q < groupSize; q++) Draws.below(rng, DAYS);
                    break;
                }
                stamp[day] = t;
            }
        }
        return hits;
    }

    /** Monte Carlo estimate of the probability for one group size. */
    public static double estimate(BlockRandom rng, int groupSize, int tests) {
        return countSharedBirthdays(rng, groupSize, tests) / (double) tests;
    }

    /** Exact probability 1 - prod_{i<n} (365 - i) / 365. */
    public static double exact(int groupSize) {
        if (groupSize < 1) throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
        double none = 1.0;
        for (int i = 0; i < groupSize; i++) none *= (DAYS - i) / (double) DAYS;
        return 1.0 - none;
    }
}
