package io.rankexec.rng.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistical assertions with tolerances derived from standard errors: sample mean within 5
 * standard errors, sample variance within 5 of its standard errors (from the fourth central
 * moment), and chi-square goodness of fit at a false-alarm rate of about 1e-6 (Wilson-Hilferty).
 * Seeds are fixed, so a passing test stays passing.
 */
final class StatChecks {

    private StatChecks() {
    }

    /** Mean within 5 SE, variance within 5 SE; mu4 is the distribution's fourth central moment. */
    static void meanAndVariance(String what, double[] xs, double mean, double variance, double mu4) {
        int n = xs.length;
        double sum = 0;
        for (double x : xs) sum += x;
        double m = sum / n;
        double ss = 0;
        for (double x : xs) ss += (x - m) * (x - m);
        double var = ss / (n - 1);
        double seMean = Math.sqrt(variance / n);
        assertTrue(Math.abs(m - mean) <= 5 * seMean,
                what + ": mean " + m + " vs " + mean + " (5 SE = " + 5 * seMean + ")");
        double seVar = Math.sqrt((mu4 - variance * variance) / n);
        assertTrue(Math.abs(var - variance) <= 5 * seVar,
                what + ": variance " + var + " vs " + variance + " (5 SE = " + 5 * seVar + ")");
    }

    /**
     * Chi-square test of counts against cell probabilities (which should sum to about 1; the
     * remainder is not a cell). Neighbouring cells are merged until each expects at least 5.
     */
    static void chiSquare(String what, long[] counts, double[] probs) {
        long n = 0;
        for (long c : counts) n += c;
        List<double[]> cells = new ArrayList<>(); // {observed, expected}
        double obs = 0, exp = 0;
        for (int i = 0; i < counts.length; i++) {
            obs += counts[i];
            exp += probs[i] * n;
            if (exp >= 5) {
                cells.add(new double[] {obs, exp});
                obs = 0;
                exp = 0;
            }
        }
        if (!cells.isEmpty()) {
            double[] last = cells.get(cells.size() - 1);
            last[0] += obs;
            last[1] += exp;
        }
        double stat = 0;
        for (double[] c : cells) stat += (c[0] - c[1]) * (c[0] - c[1]) / c[1];
        int df = cells.size() - 1;
        assertTrue(df >= 1, what + ": too few cells");
        double crit = df * Math.pow(1 - 2.0 / (9 * df) + 4.75 * Math.sqrt(2.0 / (9 * df)), 3);
        assertTrue(stat <= crit, what + ": chi-square " + stat + " exceeds " + crit + " on " + df + " df");
    }

    /** Counts of the values 0..max (values above max are an error). */
    static long[] histogram(long[] xs, int max) {
        long[] h = new long[max + 1];
        for (long x : xs) {
            assertTrue(x >= 0 && x <= max, "value " + x + " outside [0, " + max + "]");
            h[(int) x]++;
        }
        return h;
    }

    /** Poisson probabilities for 0..max, computed in log space by summing logs (independent of LogPmf). */
    static double[] poissonPmf(double mu, int max) {
        double[] p = new double[max + 1];
        double logFact = 0;
        for (int k = 0; k <= max; k++) {
            if (k > 0) logFact += Math.log(k);
            p[k] = Math.exp(-mu + k * Math.log(mu) - logFact);
        }
        return p;
    }

    /** Binomial probabilities for 0..n, from log binomial coefficients by summing logs. */
    static double[] binomialPmf(int n, double prob) {
        double[] logFact = new double[n + 1];
        for (int i = 1; i <= n; i++) logFact[i] = logFact[i - 1] + Math.log(i);
        double[] p = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            p[k] = Math.exp(logFact[n] - logFact[k] - logFact[n - k] + k * Math.log(prob) + (n - k) * Math.log1p(-prob));
        }
        return p;
    }

    static double[] toDoubles(long[] xs) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) d[i] = xs[i];
        return d;
    }

    static double[] toDoubles(int[] xs) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) d[i] = xs[i];
        return d;
    }
}
