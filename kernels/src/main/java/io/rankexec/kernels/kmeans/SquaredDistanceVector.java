package io.rankexec.kernels.kmeans;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SquaredDistance} on the incubating Vector API (JDK 17, {@code --add-modules
 * jdk.incubator.vector}); loaded reflectively only when that module is resolved. One 4-lane
 * accumulator holds the four scalar accumulators of the reference order (256-bit vectors run
 * natively on AVX2 and AVX-512); lanes (0,2) and (1,3) are added by one swap, then the two sums,
 * which reproduces {@code (s0+s2)+(s1+s3)} bit for bit. The batched methods run 2 or 4 sums side
 * by side: one sum is a chain of dependent FMAs, several chains keep the FMA units busy.
 */
final class SquaredDistanceVector extends SquaredDistance {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final VectorShuffle<Double> SWAP_HALVES = VectorShuffle.fromValues(S, 2, 3, 0, 1);

    /** The fold of a sum with no tail (p a multiple of 4): two lane reads instead of four. */
    private static double fold(DoubleVector s) {
        DoubleVector u = s.add(s.rearrange(SWAP_HALVES)); // lane 0: s0+s2, lane 1: s1+s3
        return u.lane(0) + u.lane(1);
    }

    private static double finish(DoubleVector s, double[] a, int ao, double[] c, int co, int j, int p) {
        if (j == p) return fold(s);
        return foldWithTail(s.lane(0), s.lane(1), s.lane(2), s.lane(3), a, ao, c, co, j, p);
    }

    private static DoubleVector step(DoubleVector x, double[] c, int at, DoubleVector s) {
        DoubleVector d = x.sub(DoubleVector.fromArray(S, c, at));
        return d.fma(d, s);
    }

    @Override
    double between(double[] a, int ao, double[] c, int co, int p) {
        DoubleVector s = DoubleVector.zero(S);
        int j = 0;
        for (; j + 4 <= p; j += 4) s = step(DoubleVector.fromArray(S, a, ao + j), c, co + j, s);
        return finish(s, a, ao, c, co, j, p);
    }

    @Override
    void betweenTwo(double[] a, int ao, double[] c, int c1, int c2, int p, double[] out) {
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = s1;
        int j = 0;
        for (; j + 4 <= p; j += 4) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + j);
            s1 = step(x, c, c1 + j, s1);
            s2 = step(x, c, c2 + j, s2);
        }
        out[0] = finish(s1, a, ao, c, c1, j, p);
        out[1] = finish(s2, a, ao, c, c2, j, p);
    }

    @Override
    void twoPoints(double[] a, int x1, int x2, double[] c, int c11, int c12, int c21, int c22, int p, double[] out) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int j = 0;
        for (; j + 4 <= p; j += 4) {
            DoubleVector y1 = DoubleVector.fromArray(S, a, x1 + j);
            DoubleVector y2 = DoubleVector.fromArray(S, a, x2 + j);
            s0 = step(y1, c, c11 + j, s0);
            s1 = step(y1, c, c12 + j, s1);
            s2 = step(y2, c, c21 + j, s2);
            s3 = step(y2, c, c22 + j, s3);
        }
        out[0] = finish(s0, a, x1, c, c11, j, p);
        out[1] = finish(s1, a, x1, c, c12, j, p);
        out[2] = finish(s2, a, x2, c, c21, j, p);
        out[3] = finish(s3, a, x2, c, c22, j, p);
    }

    @Override
    void toAll(double[] a, int ao, double[] c, int k, int p, double[] out) {
        int l = 0;
        for (; l + 4 <= k; l += 4) {
            int c0 = l * p;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            int j = 0;
            for (; j + 4 <= p; j += 4) {
                DoubleVector x = DoubleVector.fromArray(S, a, ao + j);
                s0 = step(x, c, c0 + j, s0);
                s1 = step(x, c, c0 + p + j, s1);
                s2 = step(x, c, c0 + 2 * p + j, s2);
                s3 = step(x, c, c0 + 3 * p + j, s3);
            }
            out[l] = finish(s0, a, ao, c, c0, j, p);
            out[l + 1] = finish(s1, a, ao, c, c0 + p, j, p);
            out[l + 2] = finish(s2, a, ao, c, c0 + 2 * p, j, p);
            out[l + 3] = finish(s3, a, ao, c, c0 + 3 * p, j, p);
        }
        double[] two = new double[2];
        for (; l + 2 <= k; l += 2) {
            betweenTwo(a, ao, c, l * p, (l + 1) * p, p, two);
            out[l] = two[0];
            out[l + 1] = two[1];
        }
        if (l < k) out[l] = between(a, ao, c, l * p, p);
    }

    @Override
    String name() {
        return "vector-256";
    }
}
