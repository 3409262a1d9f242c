package io.rankexec.kernels.kmeans;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SquaredDistanceTest {

    private static double[] randomValues(SplittableRandom r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (r.nextDouble() - 0.5) * scale;
        return v;
    }

    @Test
    void scalarMatchesAnExactSumForEveryLength() {
        SplittableRandom r = new SplittableRandom(11);
        for (int p = 1; p <= 70; p++) {
            double[] a = randomValues(r, p + 3, 10);
            double[] c = randomValues(r, p + 5, 10);
            // reference in BigDecimal: independent of any summation order
            java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
            for (int j = 0; j < p; j++) {
                java.math.BigDecimal d = new java.math.BigDecimal(a[3 + j]).subtract(new java.math.BigDecimal(c[5 + j]));
                exact = exact.add(d.multiply(d));
            }
            double got = SquaredDistance.SCALAR.between(a, 3, c, 5, p);
            assertEquals(exact.doubleValue(), got, 1e-13 * exact.doubleValue(), "p = " + p);
        }
    }

    @Test
    void vectorPathGivesTheSameBitsAsTheScalarPath() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "jdk.incubator.vector not resolved");
        SquaredDistance vector = new SquaredDistanceVector();
        SplittableRandom r = new SplittableRandom(12);
        for (int p = 1; p <= 70; p++) {
            for (int rep = 0; rep < 20; rep++) {
                double[] a = randomValues(r, p + 7, Math.pow(10, rep % 7 - 3));
                double[] c = randomValues(r, p + 2, Math.pow(10, rep % 5 - 2));
                int ao = rep % 8;
                int co = rep % 3;
                double s = SquaredDistance.SCALAR.between(a, ao, c, co, p);
                double v = vector.between(a, ao, c, co, p);
                assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(v), "p = " + p + " rep = " + rep);
            }
        }
    }

    private static java.util.List<SquaredDistance> implementations() {
        java.util.List<SquaredDistance> impls = new java.util.ArrayList<>(java.util.List.of(SquaredDistance.SCALAR));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) impls.add(new SquaredDistanceVector());
        return impls;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
    }

    @Test
    void batchedDistancesGiveTheBitsOfSingleOnes() {
        SplittableRandom r = new SplittableRandom(13);
        double[] out = new double[9];
        for (SquaredDistance impl : implementations()) {
            for (int p = 1; p <= 40; p++) {
                double[] a = randomValues(r, 2 * p + 3, 4);
                double[] c = randomValues(r, 9 * p, 4);
                String what = impl.name() + " p = " + p;
                impl.betweenTwo(a, 1, c, 2 * p, p, p, out);
                assertBits(SquaredDistance.SCALAR.between(a, 1, c, 2 * p, p), out[0], what);
                assertBits(SquaredDistance.SCALAR.between(a, 1, c, p, p), out[1], what);
                impl.twoPoints(a, 1, p + 3, c, 0, 5 * p, 7 * p, 3 * p, p, out);
                assertBits(SquaredDistance.SCALAR.between(a, 1, c, 0, p), out[0], what);
                assertBits(SquaredDistance.SCALAR.between(a, 1, c, 5 * p, p), out[1], what);
                assertBits(SquaredDistance.SCALAR.between(a, p + 3, c, 7 * p, p), out[2], what);
                assertBits(SquaredDistance.SCALAR.between(a, p + 3, c, 3 * p, p), out[3], what);
                for (int k = 1; k <= 9; k++) {
                    impl.toAll(a, 2, c, k, p, out);
                    for (int l = 0; l < k; l++) assertBits(SquaredDistance.SCALAR.between(a, 2, c, l * p, p), out[l], what + " k = " + k);
                }
            }
        }
    }

    @Test
    void zeroPaddingToAMultipleOfFourKeepsTheBits() {
        SplittableRandom r = new SplittableRandom(14);
        for (SquaredDistance impl : implementations()) {
            for (int p = 1; p <= 30; p++) {
                int padded = (p + 3) & ~3;
                double[] a = randomValues(r, p, 9);
                double[] c = randomValues(r, p, 9);
                double[] ap = java.util.Arrays.copyOf(a, padded);
                double[] cp = java.util.Arrays.copyOf(c, padded);
                assertBits(impl.between(a, 0, c, 0, p), impl.between(ap, 0, cp, 0, padded), impl.name() + " p = " + p);
            }
        }
    }

    @Test
    void kmeansUsesTheVectorPathWhenTheModuleIsResolved() {
        boolean resolved = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(resolved && !"false".equalsIgnoreCase(System.getProperty("io.rankexec.kmeans.vector")),
                SquaredDistance.BEST instanceof SquaredDistanceVector, SquaredDistance.BEST.name());
    }
}
