package io.rankexec.core.kernels.kmeans;

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

    @Test
    void twoAtOnceGivesTheBitsOfTwoSingleDistances() {
        SplittableRandom r = new SplittableRandom(13);
        java.util.List<SquaredDistance> impls = new java.util.ArrayList<>(java.util.List.of(SquaredDistance.SCALAR));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) impls.add(new SquaredDistanceVector());
        double[] out = new double[2];
        for (SquaredDistance impl : impls) {
            for (int p = 1; p <= 40; p++) {
                double[] a = randomValues(r, p + 1, 4);
                double[] c = randomValues(r, 3 * p + 2, 4);
                impl.betweenTwo(a, 1, c, 2 + p, 1, p, out);
                assertEquals(Double.doubleToRawLongBits(SquaredDistance.SCALAR.between(a, 1, c, 2 + p, p)),
                        Double.doubleToRawLongBits(out[0]), impl.name() + " p = " + p);
                assertEquals(Double.doubleToRawLongBits(SquaredDistance.SCALAR.between(a, 1, c, 1, p)),
                        Double.doubleToRawLongBits(out[1]), impl.name() + " p = " + p);
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
