package io.rankexec.kernels;

import io.rankexec.kernels.dice.Craps;
import org.junit.jupiter.api.Test;

import static io.rankexec.kernels.ScriptedRandom.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrapsTest {

    /** Uniforms for a roll of two dice showing a and b (1..6). */
    private static double[] roll(int a, int b) {
        return new double[]{pick(a - 1, 6), pick(b - 1, 6)};
    }

    private static ScriptedRandom rolls(int[]... dice) {
        double[] u = new double[dice.length * 2];
        for (int i = 0; i < dice.length; i++) System.arraycopy(roll(dice[i][0], dice[i][1]), 0, u, 2 * i, 2);
        return new ScriptedRandom(u);
    }

    @Test
    void naturalsWinAndCrapsLoseOnTheFirstRoll() {
        assertTrue(Craps.play(rolls(new int[]{3, 4})));
        assertTrue(Craps.play(rolls(new int[]{5, 6})));
        assertFalse(Craps.play(rolls(new int[]{1, 1})));
        assertFalse(Craps.play(rolls(new int[]{1, 2})));
        assertFalse(Craps.play(rolls(new int[]{6, 6})));
    }

    @Test
    void pointIsWonByRepeatingItAndLostBySeven() {
        ScriptedRandom win = rolls(new int[]{2, 2}, new int[]{5, 6}, new int[]{1, 1}, new int[]{3, 1});
        assertTrue(Craps.play(win));
        assertEquals(8, win.used());
        // after the first roll, 11 and 2 no longer decide the game; 7 loses
        assertFalse(Craps.play(rolls(new int[]{5, 5}, new int[]{6, 5}, new int[]{1, 1}, new int[]{3, 4})));
    }

    @Test
    void winRateMatchesTheExactProbability() {
        long games = 400_000;
        long wins = Craps.wins(ScriptedRandom.stream(42, 0), games);
        double p = Craps.WIN_PROBABILITY;
        double se = Math.sqrt(p * (1 - p) / games);
        assertEquals(244.0 / 495.0, p);
        assertEquals(p, wins / (double) games, 4.5 * se);
    }
}
