package io.rankexec.rng.dist;

import io.rankexec.rng.BlockRandom;
import java.util.Objects;

/**
 * Binomial(n, p) variates, set up once for repeated draws. Works with p' = min(p, 1 - p) and
 * reflects. For n p' &lt; 10: inversion by sequential search (Kachitvichyanukul and Schmeiser's
 * BINV, one uniform per variate); otherwise Hörmann's BTRS transformed rejection (W. Hörmann,
 * "The generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993), exact,
 * with the acceptance test on cancellation-free log probabilities.
 */
public final class BinomialSampler {

    private final int n;
    private final double p;
    private final boolean reflected;
    // Only the chosen method's constants are computed (both null: every variate is 0 before reflection).
    private final Inversion inversion;
    private final Btrs btrs;

    /** @param n trials, >= 0; @param p success probability in [0, 1] */
    public BinomialSampler(int n, double p) {
        if (n < 0) throw new IllegalArgumentException("binomial trials must be >= 0, got " + n);
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("binomial probability must be in [0, 1], got " + p);
        this.n = n;
        this.p = p;
        this.reflected = p > 0.5;
        double pp = reflected ? 1 - p : p;
        boolean trivial = pp == 0 || n == 0;
        this.inversion = !trivial && n * pp < 10 ? new Inversion(n, pp) : null;
        this.btrs = !trivial && n * pp >= 10 ? new Btrs(n, pp) : null;
    }

    public int trials() {
        return n;
    }

    public double probability() {
        return p;
    }

    /** One variate. */
    public int sample(BlockRandom rng) {
        int k = inversion != null ? inversion.sample(rng) : btrs != null ? btrs.sample(rng) : 0;
        return reflected ? n - k : k;
    }

    /** Fills out[off..off+len); equals len calls of {@link #sample}. */
    public void fill(BlockRandom rng, int[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off, end = off + len; i < end; i++) out[i] = sample(rng);
    }

    /** BINV: sequential search from P(0) = q^n with the recurrence P(k) = P(k-1) ((n+1) s / k - s), s = p/q. */
    private static final class Inversion {
        private final int n;
        private final double qn, s, aa;

        Inversion(int n, double pp) {
            this.n = n;
            double q = 1 - pp;
            this.qn = Math.exp(n * Math.log1p(-pp));
            this.s = pp / q;
            this.aa = (n + 1.0) * s; // n + 1.0: n + 1 overflows int for n = Integer.MAX_VALUE
        }

        int sample(BlockRandom rng) {
            while (true) {
                double r = qn;
                double u = rng.nextDouble();
                int k = 0;
                while (u > r && k <= n) {
                    u -= r;
                    k++;
                    r *= aa / k - s;
                }
                if (k <= n) return k;
                // the terms summed to less than u through rounding (probability ~1e-16): redraw
            }
        }
    }

    /** Hörmann's BTRS and its constants; pp in (0, 1/2] and n pp >= 10. */
    private static final class Btrs {
        private final int n;
        private final double pp, a, b, c, vr, alpha, logPm;

        Btrs(int n, double pp) {
            this.n = n;
            this.pp = pp;
            double spq = Math.sqrt(n * pp * (1 - pp));
            this.b = 1.15 + 2.53 * spq;
            this.a = -0.0873 + 0.0248 * b + 0.01 * pp;
            this.c = n * pp + 0.5;
            this.vr = 0.92 - 4.2 / b;
            this.alpha = (2.83 + 5.1 / b) * spq;
            double m = Math.floor((n + 1.0) * pp);
            this.logPm = LogPmf.binomial(m, n, pp);
        }

        int sample(BlockRandom rng) {
            while (true) {
                double u = rng.nextDouble() - 0.5;
                double v = rng.nextDouble();
                double us = 0.5 - Math.abs(u);
                double k = Math.floor((2 * a / us + b) * u + c);
                if (k < 0 || k > n) continue;
                if (us >= 0.07 && v <= vr) return (int) k;
                double lv = Math.log(v * alpha / (a / (us * us) + b));
                if (lv <= LogPmf.binomial(k, n, pp) - logPm) return (int) k;
            }
        }
    }
}
