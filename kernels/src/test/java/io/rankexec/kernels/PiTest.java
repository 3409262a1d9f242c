package io.rankexec.kernels;

import io.rankexec.kernels.pi.MonteCarloPi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PiTest {

    @Test
    void estimateIsWithinMonteCarloErrorOfPi() {
        long n = 2_000_000;
        long inside = MonteCarloPi.countInside(ScriptedRandom.stream(1, 3), n);
        double se = 4 * Math.sqrt(Math.PI / 4 * (1 - Math.PI / 4) / n);
        assertEquals(Math.PI, MonteCarloPi.estimate(inside, n), 4.5 * se);
        assertEquals(se, MonteCarloPi.standardError(inside, n), se * 0.01);
    }

    @Test
    void countsPointsStrictlyInsideTheQuarterCircle() {
        // (0.6, 0.8) is on the circle (not inside, up to rounding 0.36+0.64 = 1.0), (0.5, 0.5) inside, (0.9, 0.9) outside
        ScriptedRandom rng = new ScriptedRandom(0.5, 0.5, 0.9, 0.9, 0.1, 0.2);
        assertEquals(2, MonteCarloPi.countInside(rng, 3));
    }
}
