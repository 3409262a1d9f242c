package io.rankexec.rng.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.rng.GoldenFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numerical kernels of the samplers against R (rng/tools/r/distributions-golden.R). */
class DistributionReferenceTest {

    private static final String FILE = "/golden/distributions-r.txt";

    @Test
    void normalQuantileMatchesRsQnorm() {
        double[] p = GoldenFile.read(FILE, "qnorm-p").get(0).doubles();
        double[] x = GoldenFile.read(FILE, "qnorm-x").get(0).doubles();
        assertEquals(36, p.length);
        for (int i = 0; i < p.length; i++) {
            assertEquals(x[i], NormalQuantile.of(p[i]), 4 * Math.ulp(x[i]) + 1e-300, "qnorm(" + p[i] + ")");
        }
    }

    @Test
    void logProbabilitiesMatchRsDpoisAndDbinom() {
        List<GoldenFile.Case> pois = GoldenFile.read(FILE, "dpois");
        List<GoldenFile.Case> binom = GoldenFile.read(FILE, "dbinom");
        assertEquals(8, pois.size());
        assertEquals(6, binom.size());
        for (GoldenFile.Case c : pois) {
            double mu = c.getDouble("mu");
            String[] ks = c.get("k").split(",");
            double[] expected = c.doubles();
            for (int i = 0; i < ks.length; i++) {
                double k = Double.parseDouble(ks[i]);
                assertClose(expected[i], LogPmf.poisson(k, mu), "dpois(" + ks[i] + ", " + mu + ")");
            }
        }
        for (GoldenFile.Case c : binom) {
            double n = c.getDouble("n"), p = c.getDouble("p");
            String[] ks = c.get("k").split(",");
            double[] expected = c.doubles();
            for (int i = 0; i < ks.length; i++) {
                double k = Double.parseDouble(ks[i]);
                assertClose(expected[i], LogPmf.binomial(k, n, p), "dbinom(" + ks[i] + ", " + n + ", " + p + ")");
            }
        }
    }

    @Test
    void logFactorialIsAccurateAcrossTheStirlingSwitch() {
        double exact = 0;
        for (int k = 1; k <= 200; k++) {
            exact += Math.log(k);
            assertEquals(exact, LogPmf.logFactorial(k), 1e-13 * exact, "log " + k + "!");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double tol = 1e-12 * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + " got " + actual);
    }
}
