package io.rankexec.kernels.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helpers shared by the seed-example tests (see docs/seed-examples.md): running a job on a
 * LocalEngine of a given size, R's {@code table()} as a combiner, and statistical assertions whose
 * expected values come from closed forms, never from the code under test.
 */
final class SeedExamples {

    private SeedExamples() {
    }

    /** Runs the job on a fresh LocalEngine with {@code threads} workers; the list of results in task order. */
    static <A, R> List<R> runList(int threads, JobSpec<A, R> spec) {
        try (LocalEngine engine = new LocalEngine(threads)) {
            return engine.run(spec).valueOrThrow();
        }
    }

    /** Runs the job with a combiner on a fresh LocalEngine with {@code threads} workers. */
    static <A, R, C> C run(int threads, JobSpec<A, R> spec, Combiner<? super R, C> combiner) {
        try (LocalEngine engine = new LocalEngine(threads)) {
            return engine.run(spec, combiner).valueOrThrow();
        }
    }

    /** R's {@code table(unlist(z))}: counts per distinct value; counts do not depend on arrival order. */
    static <R extends Comparable<R>> Combiner<R, Map<R, Long>> table() {
        return Combiner.asArrived(TreeMap::new, (Map<R, Long> m, R r) -> {
            m.merge(r, 1L, Long::sum);
            return m;
        });
    }

    /** Asserts |actual - expected| <= sigmas * standardError. */
    static void assertWithinSigmas(double expected, double actual, double standardError, double sigmas, String what) {
        assertTrue(Math.abs(actual - expected) <= sigmas * standardError,
                what + ": " + actual + " is more than " + sigmas + " standard errors (" + standardError
                        + ") from " + expected);
    }

    /** Binomial standard error of a proportion p estimated from n trials. */
    static double binomialSe(double p, long n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    /** Exact probability that some two of n people share a birthday (365 equally likely days). */
    static double exactBirthday(int n) {
        double none = 1.0;
        for (int k = 0; k < n; k++) none *= (365.0 - k) / 365.0;
        return 1.0 - none;
    }

    /** Pearson correlation of two equally long samples (R's {@code cor}). */
    static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
