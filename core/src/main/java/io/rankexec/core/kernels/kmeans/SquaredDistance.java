package io.rankexec.core.kernels.kmeans;

/**
 * Squared Euclidean distance between two contiguous runs of p doubles, summed in one fixed
 * order that a 4-lane or 8-lane SIMD unit can follow: eight accumulators (accumulator t takes
 * coordinates j = t mod 8 of the full blocks of 8, each step an FMA), folded as
 * {@code ((s0+s4)+(s2+s6)) + ((s1+s5)+(s3+s7))}, then the p mod 8 tail coordinates FMA'd on in
 * order. The Vector API implementation ({@code SquaredDistanceVector}, used when
 * {@code jdk.incubator.vector} is resolved, unless {@code -Dio.rankexec.kmeans.vector=false})
 * performs exactly these roundings, so both give the same bits and results never depend on
 * which one ran.
 */
abstract class SquaredDistance {

    static final SquaredDistance SCALAR = new Scalar();
    /** The implementation k-means uses, fixed at class initialization (never by timing). */
    static final SquaredDistance BEST = choose();

    abstract double between(double[] a, int ao, double[] c, int co, int p);

    /**
     * The distances from a[ao..) to c[c1..) and to c[c2..) in one pass over the point, into
     * out[0] and out[1]; each the same bits {@link #between} gives.
     */
    void betweenTwo(double[] a, int ao, double[] c, int c1, int c2, int p, double[] out) {
        out[0] = between(a, ao, c, c1, p);
        out[1] = between(a, ao, c, c2, p);
    }

    abstract String name();

    private static SquaredDistance choose() {
        if ("false".equalsIgnoreCase(System.getProperty("io.rankexec.kmeans.vector"))) return SCALAR;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return SCALAR;
        try {
            return (SquaredDistance) Class.forName("io.rankexec.core.kernels.kmeans.SquaredDistanceVector")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return SCALAR;
        }
    }

    /** The reference order, written out with eight scalar accumulators. */
    private static final class Scalar extends SquaredDistance {
        @Override
        double between(double[] a, int ao, double[] c, int co, int p) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int j = 0;
            for (; j + 8 <= p; j += 8) {
                double d0 = a[ao + j] - c[co + j];
                double d1 = a[ao + j + 1] - c[co + j + 1];
                double d2 = a[ao + j + 2] - c[co + j + 2];
                double d3 = a[ao + j + 3] - c[co + j + 3];
                double d4 = a[ao + j + 4] - c[co + j + 4];
                double d5 = a[ao + j + 5] - c[co + j + 5];
                double d6 = a[ao + j + 6] - c[co + j + 6];
                double d7 = a[ao + j + 7] - c[co + j + 7];
                s0 = Math.fma(d0, d0, s0);
                s1 = Math.fma(d1, d1, s1);
                s2 = Math.fma(d2, d2, s2);
                s3 = Math.fma(d3, d3, s3);
                s4 = Math.fma(d4, d4, s4);
                s5 = Math.fma(d5, d5, s5);
                s6 = Math.fma(d6, d6, s6);
                s7 = Math.fma(d7, d7, s7);
            }
            double s = ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7));
            for (; j < p; j++) {
                double d = a[ao + j] - c[co + j];
                s = Math.fma(d, d, s);
            }
            return s;
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
