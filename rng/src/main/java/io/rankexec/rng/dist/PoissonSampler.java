package io.rankexec.rng.dist;

import io.rankexec.rng.BlockRandom;
import java.util.Objects;

/**
 * Poisson variates for any mean, set up once for repeated draws.
 * <ul>
 * <li>mean &lt; 10: inversion by sequential search of the CDF (one uniform per variate);</li>
 * <li>mean &gt;= 10: Hörmann's PTRS, transformed rejection with squeeze (W. Hörmann, "The
 * transformed rejection method for generating Poisson random variables", Insurance: Mathematics
 * and Economics 12, 1993), exact for every mean; about 1.2 uniform pairs per variate. The final
 * acceptance test uses cancellation-free log probabilities so it stays exact for huge means.</li>
 * </ul>
 */
public final class PoissonSampler {

    /** Means up to this stay far from the precision limits of doubles and longs. */
    public static final double MAX_MEAN = 1e15;
    private static final double PTRS_MIN_MEAN = 10;

    private final double mean;
    // Only the chosen method's constants are computed (at most one of these is non-null), so a
    // sampler built for a single draw costs no more than that method's setup.
    private final Inversion inversion;
    private final Ptrs ptrs;

    /** @param mean in [0, 1e15] */
    public PoissonSampler(double mean) {
        if (!(mean >= 0 && mean <= MAX_MEAN)) {
            throw new IllegalArgumentException("Poisson mean must be in [0, " + MAX_MEAN + "], got " + mean);
        }
        this.mean = mean;
        this.inversion = mean > 0 && mean < PTRS_MIN_MEAN ? new Inversion(mean) : null;
        this.ptrs = mean >= PTRS_MIN_MEAN ? new Ptrs(mean) : null;
    }

    public double mean() {
        return mean;
    }

    /** One variate. */
    public long sample(BlockRandom rng) {
        if (inversion != null) return inversion.sample(rng);
        if (ptrs != null) return ptrs.sample(rng);
        return 0; // mean 0: no uniform consumed
    }

    /** Fills out[off..off+len); equals len calls of {@link #sample}. */
    public void fill(BlockRandom rng, long[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off, end = off + len; i < end; i++) out[i] = sample(rng);
    }

    /** Fills an int array; the mean must keep variates far below 2^31 (mean &lt;= 2e9). */
    public void fill(BlockRandom rng, int[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        if (mean > 2e9) throw new IllegalArgumentException("Poisson mean " + mean + " is too large for int results");
        for (int i = off, end = off + len; i < end; i++) out[i] = (int) sample(rng);
    }

    /** Sequential search of the CDF from P(0) = exp(-mean). */
    private static final class Inversion {
        private final double mean, p0;

        Inversion(double mean) {
            this.mean = mean;
            this.p0 = Math.exp(-mean);
        }

        long sample(BlockRandom rng) {
            while (true) {
                double u = rng.nextDouble();
                double p = p0;
                double cdf = p;
                long k = 0;
                while (u >= cdf && p > 0) {
                    k++;
                    p *= mean / k;
                    cdf += p;
                }
                // p == 0: u lies in the rounding gap above the summed CDF (probability ~1e-16); redraw.
                if (u < cdf) return k;
            }
        }
    }

    /** Hörmann's PTRS and its constants. */
    private static final class Ptrs {
        private final double mean, a, b, vr, logInvAlpha;

        Ptrs(double mean) {
            this.mean = mean;
            double slam = Math.sqrt(mean);
            this.b = 0.931 + 2.53 * slam;
            this.a = -0.059 + 0.02483 * b;
            this.logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
            this.vr = 0.9277 - 3.6224 / (b - 2);
        }

        long sample(BlockRandom rng) {
            while (true) {
                double u = rng.nextDouble() - 0.5;
                double v = rng.nextDouble();
                double us = 0.5 - Math.abs(u);
                double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
                if (us >= 0.07 && v <= vr) return (long) k;
                if (k < 0 || (us < 0.013 && v > us)) continue;
                if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= LogPmf.poisson(k, mean)) return (long) k;
            }
        }
    }
}
