package io.rankexec.kernels.kmeans;

/**
 * Squared Euclidean distance between two contiguous runs of p doubles, summed in one fixed order
 * that a 4-lane SIMD unit follows: four accumulators, accumulator t takes the coordinates
 * j = t mod 4 (each step an FMA of the squared difference), folded as {@code (s0+s2)+(s1+s3)}.
 * Zero coordinates appended to both runs add exact zeros, so a row padded to a multiple of 4
 * gives the same bits as the unpadded row (Hartigan-Wong pads its rows for tail-free loops).
 * <p>
 * The batched methods ({@link #toAll}, {@link #betweenTwo}, {@link #twoPoints}) give the bits of
 * the corresponding {@link #between} calls; the Vector API implementation
 * ({@code SquaredDistanceVector}, used when {@code jdk.incubator.vector} is resolved, unless
 * {@code -Dio.rankexec.kmeans.vector=false}) interleaves them so that independent sums overlap.
 * Results never depend on which implementation ran.
 */
abstract class SquaredDistance {

    static final SquaredDistance SCALAR = new Scalar();
    /** The implementation k-means uses, fixed at class initialization (never by timing). */
    static final SquaredDistance BEST = choose();

    abstract double between(double[] a, int ao, double[] c, int co, int p);

    /** out[0] and out[1]: the distances from a[ao..) to c[c1..) and to c[c2..). */
    void betweenTwo(double[] a, int ao, double[] c, int c1, int c2, int p, double[] out) {
        out[0] = between(a, ao, c, c1, p);
        out[1] = between(a, ao, c, c2, p);
    }

    /** out[0..3]: point x1 to centres c11 and c12, then point x2 to centres c21 and c22. */
    void twoPoints(double[] a, int x1, int x2, double[] c, int c11, int c12, int c21, int c22, int p, double[] out) {
        out[0] = between(a, x1, c, c11, p);
        out[1] = between(a, x1, c, c12, p);
        out[2] = between(a, x2, c, c21, p);
        out[3] = between(a, x2, c, c22, p);
    }

    /** out[l]: the distance from a[ao..) to centre l, for the k centres stored back to back in c (p values each). */
    void toAll(double[] a, int ao, double[] c, int k, int p, double[] out) {
        for (int l = 0; l < k; l++) out[l] = between(a, ao, c, l * p, p);
    }

    abstract String name();

    private static SquaredDistance choose() {
        if ("false".equalsIgnoreCase(System.getProperty("io.rankexec.kmeans.vector"))) return SCALAR;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return SCALAR;
        try {
            return (SquaredDistance) Class.forName("io.rankexec.kernels.kmeans.SquaredDistanceVector")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return SCALAR;
        }
    }

    /** The reference order, written out with four scalar accumulators. */
    private static final class Scalar extends SquaredDistance {
        @Override
        double between(double[] a, int ao, double[] c, int co, int p) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 4 <= p; j += 4) {
                double d0 = a[ao + j] - c[co + j];
                double d1 = a[ao + j + 1] - c[co + j + 1];
                double d2 = a[ao + j + 2] - c[co + j + 2];
                double d3 = a[ao + j + 3] - c[co + j + 3];
                s0 = Math.fma(d0, d0, s0);
                s1 = Math.fma(d1, d1, s1);
                s2 = Math.fma(d2, d2, s2);
                s3 = Math.fma(d3, d3, s3);
            }
            return foldWithTail(s0, s1, s2, s3, a, ao, c, co, j, p);
        }

        @Override
        String name() {
            return "scalar";
        }
    }

    /**
     * Adds the p - j (< 4) tail coordinates from j on to their accumulators and folds:
     * the end of every implementation's sum.
     */
    static double foldWithTail(double s0, double s1, double s2, double s3,
                               double[] a, int ao, double[] c, int co, int j, int p) {
        if (j < p) {
            double d = a[ao + j] - c[co + j];
            s0 = Math.fma(d, d, s0);
        }
        if (j + 1 < p) {
            double d = a[ao + j + 1] - c[co + j + 1];
            s1 = Math.fma(d, d, s1);
        }
        if (j + 2 < p) {
            double d = a[ao + j + 2] - c[co + j + 2];
            s2 = Math.fma(d, d, s2);
        }
        return (s0 + s2) + (s1 + s3);
    }
}
