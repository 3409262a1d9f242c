package io.rankexec.rng.dist;

import static io.rankexec.rng.dist.StatChecks.chiSquare;
import static io.rankexec.rng.dist.StatChecks.histogram;
import static io.rankexec.rng.dist.StatChecks.meanAndVariance;
import static io.rankexec.rng.dist.StatChecks.toDoubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.Mrg32k3a;
import io.rankexec.rng.StreamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Statistical checks (fixed seeds, tolerances from standard errors) and API behaviour of {@link Distributions}. */
class DistributionsTest {

    private static final int N = 200_000;

    private static Mrg32k3a rng(long seed) {
        return new Mrg32k3a(seed);
    }

    /** A full-32-bit generator (bitsBound 2^32) to exercise the other integer path. */
    private static final class FullBits extends BlockRandom {
        private final SplittableRandom r;

        FullBits(long seed) {
            r = new SplittableRandom(seed);
        }

        @Override
        public int nextBits32() {
            return r.nextInt();
        }

        @Override
        public double nextDouble() {
            return (nextBits32() & 0xFFFF_FFFFL) * 0x1p-32;
        }

        @Override
        public StreamSpec spec() {
            return null;
        }
    }

    @Test
    void uniformIntsAreUniformOnSmallRanges() {
        for (BlockRandom g : List.of(rng(11), new FullBits(11))) {
            int[] xs = new int[N];
            Distributions.uniformInts(g, xs, 0, N, -3, 7);
            long[] counts = new long[11];
            for (int x : xs) counts[x + 3]++;
            double[] p = new double[11];
            Arrays.fill(p, 1.0 / 11);
            chiSquare("uniformInt[-3,7] " + g.getClass().getSimpleName(), counts, p);
        }
    }

    /** A span of 3 * 2^30 exceeds MRG32k3a's raw range m1: plain "v mod span" would make the first third twice as likely. */
    @Test
    void uniformIntsAreUnbiasedForSpansBeyondTheRawRange() {
        for (BlockRandom g : List.of(rng(12), new FullBits(12))) {
            int lo = Integer.MIN_VALUE;
            int hi = Integer.MIN_VALUE + 3 * (1 << 30) - 1;
            long[] thirds = new long[3];
            for (int i = 0; i < 60_000; i++) {
                int x = Distributions.uniformInt(g, lo, hi);
                assertTrue(x >= lo && x <= hi);
                thirds[(int) (((long) x - lo) >>> 30)]++;
            }
            chiSquare("thirds " + g.getClass().getSimpleName(), thirds, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
            long full = 0;
            for (int i = 0; i < 20_000; i++) full += Distributions.uniformInt(g, Integer.MIN_VALUE, Integer.MAX_VALUE) < 0 ? 1 : 0;
            chiSquare("sign over the full int range", new long[] {full, 20_000 - full}, new double[] {0.5, 0.5});
        }
        assertEquals(5, Distributions.uniformInt(rng(1), 5, 5));
    }

    @Test
    void uniformDoublesHaveTheRightMomentsAndStayBelowB() {
        double a = -2, b = 5, w = b - a;
        double[] xs = new double[N];
        Distributions.uniform(rng(13), xs, 0, N, a, b);
        for (double x : xs) assertTrue(x >= a && x < b);
        meanAndVariance("uniform", xs, (a + b) / 2, w * w / 12, Math.pow(w, 4) / 80);
        // a range so narrow that MKL's formula rounds up to b for part of the draws
        double lo = 1.0, hi = Math.nextUp(Math.nextUp(1.0));
        double[] narrow = new double[1000];
        Distributions.uniform(rng(14), narrow, 0, narrow.length, lo, hi);
        for (double x : narrow) assertTrue(x >= lo && x < hi, "narrow " + x);
    }

    @Test
    void gaussianMomentsAndDeciles() {
        double[] xs = new double[N];
        Distributions.gaussian(rng(15), xs, 0, N, 3.0, 2.0);
        meanAndVariance("gaussian", xs, 3.0, 4.0, 3 * 16.0);
        // deciles of N(0,1) (published table values)
        double[] cut = {-1.2815515655446004, -0.8416212335729143, -0.5244005127080407, -0.2533471031357997, 0,
            0.2533471031357997, 0.5244005127080407, 0.8416212335729143, 1.2815515655446004};
        long[] counts = new long[10];
        for (double x : xs) {
            int c = 0;
            while (c < 9 && (x - 3.0) / 2.0 > cut[c]) c++;
            counts[c]++;
        }
        double[] p = new double[10];
        Arrays.fill(p, 0.1);
        chiSquare("gaussian deciles", counts, p);
        double s = 0;
        for (double x : xs) s += Math.pow((x - 3.0) / 2.0, 3);
        assertTrue(Math.abs(s / N) <= 5 * Math.sqrt(15.0 / N), "skewness " + s / N);
    }

    @Test
    void exponentialMomentsAndCdf() {
        double rate = 2.5;
        double[] xs = new double[N];
        Distributions.exponential(rng(16), xs, 0, N, rate);
        double mean = 1 / rate;
        meanAndVariance("exponential", xs, mean, mean * mean, 9 * Math.pow(mean, 4));
        long[] counts = new long[8];
        double[] p = new double[8];
        for (double x : xs) counts[Math.min(7, (int) (x * rate * 2))]++;
        for (int i = 0; i < 8; i++) {
            double upper = i == 7 ? 0 : Math.exp(-(i + 1) / 2.0);
            p[i] = Math.exp(-i / 2.0) - upper;
        }
        chiSquare("exponential half-mean bins", counts, p);
    }

    /** Small means use inversion, means >= 10 use PTRS: both against the exact pmf. */
    @Test
    void poissonFitsItsPmf() {
        double[] means = {0.3, 3, 9.99, 10, 57.5, 1000};
        long seed = 17;
        for (double mu : means) {
            long[] xs = new long[N];
            Distributions.poisson(rng(seed++), xs, 0, N, mu);
            int max = (int) (mu + 12 * Math.sqrt(mu) + 15);
            chiSquare("poisson(" + mu + ")", histogram(xs, max), StatChecks.poissonPmf(mu, max));
            meanAndVariance("poisson(" + mu + ")", toDoubles(xs), mu, mu, mu * (1 + 3 * mu));
        }
    }

    /** The instrument itself: the same checks reject a slightly wrong distribution. */
    @Test
    void checksDetectASmallMisfit() {
        long[] xs = new long[N];
        Distributions.poisson(rng(90), xs, 0, N, 30.0);
        assertThrows(AssertionError.class, () -> chiSquare("poisson(30) vs 30.3", histogram(xs, 120), StatChecks.poissonPmf(30.3, 120)));
        assertThrows(AssertionError.class, () -> meanAndVariance("poisson(30) vs 30.3", toDoubles(xs), 30.3, 30.3, 30.3 * 91.9));
        int[] ys = new int[N];
        Distributions.binomial(rng(91), ys, 0, N, 200, 0.3);
        long[] counts = new long[201];
        for (int y : ys) counts[y]++;
        assertThrows(AssertionError.class, () -> chiSquare("binomial p 0.3 vs 0.303", counts, StatChecks.binomialPmf(200, 0.303)));
    }

    @Test
    void poissonLargeMeans() {
        for (double mu : new double[] {1e6, 1e12, 1e15}) {
            long[] xs = new long[50_000];
            Distributions.poisson(rng(30), xs, 0, xs.length, mu);
            double[] centred = new double[xs.length];
            for (int i = 0; i < xs.length; i++) centred[i] = xs[i] - mu; // exact: both are integers < 2^53
            meanAndVariance("poisson(" + mu + ")", centred, 0, mu, mu * (1 + 3 * mu));
        }
        assertEquals(0, Distributions.poisson(rng(1), 0.0));
    }

    @Test
    void binomialFitsItsPmf() {
        int[][] ns = {{20}, {100}, {1000}, {50}, {500}, {7}};
        double[] ps = {0.3, 0.5, 0.01, 0.9, 0.15, 0.999};
        long seed = 40;
        for (int c = 0; c < ps.length; c++) {
            int n = ns[c][0];
            double p = ps[c];
            int[] xs = new int[N];
            Distributions.binomial(rng(seed++), xs, 0, N, n, p);
            long[] counts = new long[n + 1];
            for (int x : xs) counts[x]++;
            chiSquare("binomial(" + n + ", " + p + ")", counts, StatChecks.binomialPmf(n, p));
            double v = n * p * (1 - p);
            meanAndVariance("binomial(" + n + ", " + p + ")", toDoubles(xs), n * p, v,
                    v * (1 + 3 * (n - 2.0) * p * (1 - p)));
        }
    }

    @Test
    void binomialLargeN() {
        int n = 2_000_000_000;
        double p = 0.4;
        int[] xs = new int[50_000];
        Distributions.binomial(rng(50), xs, 0, xs.length, n, p);
        double v = n * p * (1 - p);
        meanAndVariance("binomial(2e9, 0.4)", toDoubles(xs), n * p, v, v * (1 + 3 * (n - 2.0) * p * (1 - p)));
        assertEquals(0, Distributions.binomial(rng(1), 10, 0.0));
        assertEquals(10, Distributions.binomial(rng(1), 10, 1.0));
        assertEquals(0, Distributions.binomial(rng(1), 0, 0.5));
    }

    /** n = Integer.MAX_VALUE: n + 1 must not overflow (it used to make the setup throw). */
    @Test
    void binomialMaximalN() {
        int n = Integer.MAX_VALUE;
        for (double p : new double[] {2e-9, 0.3}) { // inversion (n p < 10) and BTRS
            int[] xs = new int[50_000];
            Distributions.binomial(rng(51), xs, 0, xs.length, n, p);
            double v = n * p * (1 - p);
            meanAndVariance("binomial(2^31-1, " + p + ")", toDoubles(xs), n * p, v, v * (1 + 3 * (n - 2.0) * p * (1 - p)));
        }
        assertEquals(n, Distributions.binomial(rng(1), n, 1.0));
    }

    @Test
    void bernoulliProportion() {
        int[] xs = new int[N];
        Distributions.bernoulli(rng(60), xs, 0, N, 0.37);
        long ones = Arrays.stream(xs).filter(x -> x == 1).count();
        assertEquals(N, ones + Arrays.stream(xs).filter(x -> x == 0).count());
        chiSquare("bernoulli", new long[] {N - ones, ones}, new double[] {0.63, 0.37});
    }

    @Test
    void samplingWithReplacementIsUniform() {
        int[] idx = Distributions.sampleWithReplacement(rng(61), 13, N);
        long[] counts = new long[13];
        for (int i : idx) counts[i]++;
        double[] p = new double[13];
        Arrays.fill(p, 1 / 13.0);
        chiSquare("sample with replacement", counts, p);
    }

    @Test
    void permutationsAreUniform() {
        Mrg32k3a g = rng(62);
        long[] counts = new long[24];
        for (int t = 0; t < 48_000; t++) {
            int[] p = Distributions.permutation(g, 4);
            int code = 0;
            boolean[] seen = new boolean[4];
            for (int i = 0; i < 4; i++) {
                seen[p[i]] = true;
                int smaller = 0; // Lehmer code: rank of p among all orders
                for (int j = i + 1; j < 4; j++) if (p[j] < p[i]) smaller++;
                code = code * (4 - i) + smaller;
            }
            for (boolean s : seen) assertTrue(s);
            counts[code]++;
        }
        double[] p = new double[24];
        Arrays.fill(p, 1 / 24.0);
        chiSquare("permutations of 4", counts, p);

        List<String> list = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
        Distributions.shuffle(g, list);
        assertEquals(List.of("a", "b", "c", "d", "e"), list.stream().sorted().toList());
        double[] d = {1, 2, 3, 4, 5, 6};
        Distributions.shuffle(g, d);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, sorted);
    }

    /** Block variants equal the same number of scalar calls, so batching never changes results. */
    @Test
    void blockVariantsEqualScalarCalls() {
        int n = 3000;
        double[] blk = new double[n];
        Mrg32k3a a = rng(70), b = rng(70);
        Distributions.gaussian(a, blk, 0, n, 1, 2);
        for (int i = 0; i < n; i++) assertEquals(blk[i], Distributions.gaussian(b, 1, 2), 0.0, "gaussian " + i);
        Distributions.exponential(a, blk, 0, n, 3);
        for (int i = 0; i < n; i++) assertEquals(blk[i], Distributions.exponential(b, 3), 0.0, "exponential " + i);
        Distributions.uniform(a, blk, 0, n, -1, 4);
        for (int i = 0; i < n; i++) assertEquals(blk[i], Distributions.uniform(b, -1, 4), 0.0, "uniform " + i);
        long[] lb = new long[n];
        Distributions.poisson(a, lb, 0, n, 33.3);
        for (int i = 0; i < n; i++) assertEquals(lb[i], Distributions.poisson(b, 33.3), "poisson " + i);
        int[] ib = new int[n];
        Distributions.poisson(a, ib, 0, n, 2.5);
        for (int i = 0; i < n; i++) assertEquals(ib[i], Distributions.poisson(b, 2.5), "poisson int " + i);
        Distributions.binomial(a, ib, 0, n, 77, 0.4);
        for (int i = 0; i < n; i++) assertEquals(ib[i], Distributions.binomial(b, 77, 0.4), "binomial " + i);
        Distributions.bernoulli(a, ib, 0, n, 0.2);
        for (int i = 0; i < n; i++) assertEquals(ib[i], Distributions.bernoulli(b, 0.2) ? 1 : 0, "bernoulli " + i);
        Distributions.uniformInts(a, ib, 0, n, 10, 20);
        for (int i = 0; i < n; i++) assertEquals(ib[i], Distributions.uniformInt(b, 10, 20), "int " + i);
        Distributions.sampleWithReplacement(a, 9, ib, 0, n);
        for (int i = 0; i < n; i++) assertEquals(ib[i], Distributions.index(b, 9), "index " + i);
        assertArrayEquals(a.stateWords(), b.stateWords());
    }

    @Test
    void gaussianOfAZeroUniformIsFinite() {
        long[] zeroFirst = {123456789L, 987654321L, 55555L, 0L, 777L, 79530658L}; // first u is exactly 0
        double x = Distributions.gaussian(Mrg32k3a.fromState(zeroFirst), 0, 1);
        assertEquals(NormalQuantile.of(0x1p-33), x, 0.0);
        assertTrue(x < -6 && Double.isFinite(x));
    }

    @Test
    void badArgumentsAreRejected() {
        Mrg32k3a g = rng(1);
        assertMessage("lo <= hi", () -> Distributions.uniformInt(g, 3, 2));
        assertMessage("a < b", () -> Distributions.uniform(g, 1, 1));
        assertMessage("standard deviation", () -> Distributions.gaussian(g, 0, -1));
        assertMessage("mean", () -> Distributions.gaussian(g, Double.NaN, 1));
        assertMessage("rate", () -> Distributions.exponential(g, 0));
        assertMessage("Poisson mean", () -> Distributions.poisson(g, -1));
        assertMessage("Poisson mean", () -> Distributions.poisson(g, Double.NaN));
        assertMessage("Poisson mean", () -> Distributions.poisson(g, 1e16));
        assertMessage("too large for int", () -> Distributions.poisson(g, new int[1], 0, 1, 3e9));
        assertMessage("trials", () -> Distributions.binomial(g, -1, 0.5));
        assertMessage("probability", () -> Distributions.binomial(g, 5, 1.5));
        assertMessage("probability", () -> Distributions.bernoulli(g, -0.1));
        assertMessage("n >= 1", () -> Distributions.sampleWithReplacement(g, 0, 3));
        assertMessage("sample size", () -> Distributions.sampleWithReplacement(g, 4, -3));
        assertMessage("index bound", () -> Distributions.index(g, 0));
        assertMessage("permutation size", () -> Distributions.permutation(g, -1));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }
}
