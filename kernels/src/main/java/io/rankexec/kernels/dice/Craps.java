package io.rankexec.kernels.dice;

import io.rankexec.kernels.support.Draws;
import io.rankexec.rng.BlockRandom;

/**
 * The seed's {@code playDice}: a game of craps. 7 or 11 on the first roll wins, 2, 3 or 12
 * loses; otherwise the first roll is the point and the shooter rolls until the point (win) or
 * a 7 (loss). The exact win probability is 244/495.
 */
public final class Craps {

    /** Exact probability of winning one game. */
    public static final double WIN_PROBABILITY = 244.0 / 495.0;

    private Craps() {
    }

    /** Plays one game; true if it is won. */
    public static boolean play(BlockRandom rng) {
        int first = roll(rng);
        if (first == 7 || first == 11) return true;
        if (first == 2 || first == 3 || first == 12) return false;
        while (true) {
            int r = roll(rng);
            if (r == first) return true;
            if (r == 7) return false;
        }
    }

    /** Plays {@code games} games and returns how many were won. */
    public static long wins(BlockRandom rng, long games) {
        if (games < 0) throw new IllegalArgumentException("games must be >= 0, got " + games);
        long wins = 0;
        for (long g = 0; g < games; g++) {
            if (play(rng)) wins++;
        }
        return wins;
    }

    /** Sum of two fair dice, as {@code sum(sample(6, 2, replace=TRUE))}. */
    static int roll(BlockRandom rng) {
        return Draws.below(rng, 6) + Draws.below(rng, 6) + 2;
    }
}
