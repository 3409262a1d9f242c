package io.rankexec.rng.dist;

import io.rankexec.rng.BlockRandom;
import java.util.List;
import java.util.Objects;

/**
 * Random variates on top of any {@link BlockRandom}. Every block variant ({@code fill...} or an
 * array argument) produces exactly the values of the same number of scalar calls, in order, so
 * results do not depend on how a computation is batched. Bit-exactness with MKL's distribution
 * methods is not a goal (only the uniform basics are MKL-exact, in the generators).
 *
 * <p>Methods: integers by rejection from the generator's raw range (unbiased for any span);
 * Gaussian by inversion (Wichura's AS 241, like MKL's VSL_RNG_METHOD_GAUSSIAN_ICDF and R's
 * qnorm); exponential by inversion; Poisson by inversion (mean &lt; 10) or PTRS; binomial by
 * inversion (n min(p,1-p) &lt; 10) or BTRS; see {@link PoissonSampler}, {@link BinomialSampler}.
 */
public final class Distributions {

    /**
     * A uniform of exactly 0 (probability about 2^-32 for the bundled generators) would make the
     * Gaussian quantile infinite; it is read as this half step of a 32-bit grid instead.
     */
    static final double ZERO_UNIFORM = 0x1p-33;

    private Distributions() {
    }

    // ------------------------------------------------------------------ uniform integers

    /** Uniform integer in [lo, hi] (both inclusive), unbiased. */
    public static int uniformInt(BlockRandom rng, int lo, int hi) {
        if (lo > hi) throw new IllegalArgumentException("integer range needs lo <= hi, got [" + lo + ", " + hi + "]");
        return (int) (lo + below(rng, (long) hi - lo + 1));
    }

    /** Fills out[off..off+len) with uniform integers in [lo, hi]. */
    public static void uniformInts(BlockRandom rng, int[] out, int off, int len, int lo, int hi) {
        if (lo > hi) throw new IllegalArgumentException("integer range needs lo <= hi, got [" + lo + ", " + hi + "]");
        Objects.checkFromIndexSize(off, len, out.length);
        long span = (long) hi - lo + 1;
        for (int i = off, end = off + len; i < end; i++) out[i] = (int) (lo + below(rng, span));
    }

    /** Uniform index in [0, n), n >= 1. */
    public static int index(BlockRandom rng, int n) {
        if (n < 1) throw new IllegalArgumentException("index bound must be >= 1, got " + n);
        return (int) below(rng, n);
    }

    /**
     * Uniform in [0, span) for 1 <= span <= 2^32, by rejection from the generator's raw range
     * [0, R) (R = bitsBound()): accept v below the largest multiple of span, return v mod span.
     * If span exceeds R (MRG32k3a: spans above m1), two draws make a raw range of R^2.
     */
    static long below(BlockRandom rng, long span) {
        long r = rng.bitsBound();
        if (span <= r) {
            long limit = r - r % span;
            long v;
            do {
                v = rng.nextBits32() & 0xFFFF_FFFFL;
            } while (v >= limit);
            return v % span;
        }
        long r2 = r * r; // < 2^64 as an unsigned value
        long limit = r2 - Long.remainderUnsigned(r2, span);
        long v;
        do {
            v = (rng.nextBits32() & 0xFFFF_FFFFL) * r + (rng.nextBits32() & 0xFFFF_FFFFL);
        } while (Long.compareUnsigned(v, limit) >= 0);
        return Long.remainderUnsigned(v, span);
    }

    // ------------------------------------------------------------------ uniform doubles

    /**
     * Uniform double in [a, b): the generator's MKL-exact {@code fill(..., a, b)} value, with the
     * rare rounding up to b moved to the largest double below b.
     */
    public static double uniform(BlockRandom rng, double a, double b) {
        double[] one = new double[1];
        uniform(rng, one, 0, 1, a, b);
        return one[0];
    }

    /** Fills out[off..off+len) with uniform doubles in [a, b) (see {@link #uniform(BlockRandom, double, double)}). */
    public static void uniform(BlockRandom rng, double[] out, int off, int len, double a, double b) {
        rng.fill(out, off, len, a, b);
        double top = Math.nextDown(b);
        for (int i = off, end = off + len; i < end; i++) if (out[i] >= b) out[i] = top;
    }

    // ------------------------------------------------------------------ Gaussian

    /** Normal variate with the given mean and standard deviation (>= 0), by inversion. */
    public static double gaussian(BlockRandom rng, double mean, double sd) {
        checkGaussian(mean, sd);
        return mean + sd * standardNormal(rng.nextDouble());
    }

    /** Fills out[off..off+len) with normal variates: one block of uniforms, then inversion in place. */
    public static void gaussian(BlockRandom rng, double[] out, int off, int len, double mean, double sd) {
        checkGaussian(mean, sd);
        rng.fill(out, off, len);
        for (int i = off, end = off + len; i < end; i++) out[i] = mean + sd * standardNormal(out[i]);
    }

    private static double standardNormal(double u) {
        return NormalQuantile.of(u == 0 ? ZERO_UNIFORM : u);
    }

    private static void checkGaussian(double mean, double sd) {
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("Gaussian mean must be finite, got " + mean);
        if (!(sd >= 0 && sd < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Gaussian standard deviation must be finite and >= 0, got " + sd);
        }
    }

    // ------------------------------------------------------------------ exponential

    /** Exponential variate with the given rate (> 0; mean 1/rate, as R's rexp): -log(1 - u) / rate. */
    public static double exponential(BlockRandom rng, double rate) {
        checkRate(rate);
        return -Math.log1p(-rng.nextDouble()) / rate;
    }

    /** Fills out[off..off+len) with exponential variates of the given rate. */
    public static void exponential(BlockRandom rng, double[] out, int off, int len, double rate) {
        checkRate(rate);
        rng.fill(out, off, len);
        for (int i = off, end = off + len; i < end; i++) out[i] = -Math.log1p(-out[i]) / rate;
    }

    private static void checkRate(double rate) {
        if (!(rate > 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("exponential rate must be finite and > 0, got " + rate);
        }
    }

    // ------------------------------------------------------------------ discrete

    /**
     * Poisson variate with the given mean in [0, 1e15] (see {@link PoissonSampler}). Sets up the
     * method for this one draw: for many draws with one mean, keep a {@code PoissonSampler}.
     */
    public static long poisson(BlockRandom rng, double mean) {
        return new PoissonSampler(mean).sample(rng);
    }

    /** Fills out[off..off+len) with Poisson variates (setup done once). */
    public static void poisson(BlockRandom rng, long[] out, int off, int len, double mean) {
        new PoissonSampler(mean).fill(rng, out, off, len);
    }

    /** Fills out[off..off+len) with Poisson variates; mean at most 2e9. */
    public static void poisson(BlockRandom rng, int[] out, int off, int len, double mean) {
        new PoissonSampler(mean).fill(rng, out, off, len);
    }

    /**
     * Binomial(n, p) variate (see {@link BinomialSampler}). Sets up the method for this one draw:
     * for many draws with one (n, p), keep a {@code BinomialSampler}.
     */
    public static int binomial(BlockRandom rng, int n, double p) {
        return new BinomialSampler(n, p).sample(rng);
    }

    /** Fills out[off..off+len) with Binomial(n, p) variates (setup done once). */
    public static void binomial(BlockRandom rng, int[] out, int off, int len, int n, double p) {
        new BinomialSampler(n, p).fill(rng, out, off, len);
    }

    /** True with probability p in [0, 1]: u &lt; p. */
    public static boolean bernoulli(BlockRandom rng, double p) {
        checkProbability(p);
        return rng.nextDouble() < p;
    }

    /** Fills out[off..off+len) with 0/1 Bernoulli(p) variates (like MKL's viRngBernoulli). */
    public static void bernoulli(BlockRandom rng, int[] out, int off, int len, double p) {
        checkProbability(p);
        Objects.checkFromIndexSize(off, len, out.length);
        double[] u = new double[Math.min(len, 4096)];
        for (int done = 0; done < len; ) {
            int n = Math.min(u.length, len - done);
            rng.fill(u, 0, n);
            for (int i = 0; i < n; i++) out[off + done + i] = u[i] < p ? 1 : 0;
            done += n;
        }
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }

    // ------------------------------------------------------------------ sampling and permutations

    /** {@code size} indices drawn uniformly with replacement from [0, n) (bootstrap resampling). */
    public static int[] sampleWithReplacement(BlockRandom rng, int n, int size) {
        if (size < 0) throw new IllegalArgumentException("sample size must be >= 0, got " + size);
        int[] out = new int[size];
        sampleWithReplacement(rng, n, out, 0, size);
        return out;
    }

    /** Fills out[off..off+len) with indices drawn uniformly with replacement from [0, n). */
    public static void sampleWithReplacement(BlockRandom rng, int n, int[] out, int off, int len) {
        if (n < 1) throw new IllegalArgumentException("cannot sample from " + n + " items (need n >= 1)");
        Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off, end = off + len; i < end; i++) out[i] = (int) below(rng, n);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(BlockRandom rng, int n) {
        if (n < 0) throw new IllegalArgumentException("permutation size must be >= 0, got " + n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(rng, p);
        return p;
    }

    /** Shuffles the array in place, every order equally likely (Fisher-Yates). */
    public static void shuffle(BlockRandom rng, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) below(rng, i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Shuffles the array in place, every order equally likely (Fisher-Yates). */
    public static void shuffle(BlockRandom rng, double[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) below(rng, i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Shuffles the list in place, every order equally likely (Fisher-Yates; the list must support set). */
    public static <T> void shuffle(BlockRandom rng, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = (int) below(rng, i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
