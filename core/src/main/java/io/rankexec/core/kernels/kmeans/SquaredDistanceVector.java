package io.rankexec.core.kernels.kmeans;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SquaredDistance} on the incubating Vector API (JDK 17, {@code --add-modules
 * jdk.incubator.vector}); loaded reflectively only when that module is resolved. Two 4-lane
 * accumulators hold the eight scalar accumulators of the reference order (lo = s0..s3,
 * hi = s4..s7; 256-bit vectors run natively on AVX2 and AVX-512), and the fold
 * lo + hi, then lanes (0,2)+(1,3)... reproduces {@code ((s0+s4)+(s2+s6)) + ((s1+s5)+(s3+s7))}
 * exactly: the same roundings, the same bits.
 */
final class SquaredDistanceVector extends SquaredDistance {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final VectorShuffle<Double> SWAP_PAIRS = VectorShuffle.fromValues(S, 2, 3, 0, 1);

    @Override
    double between(double[] a, int ao, double[] c, int co, int p) {
        DoubleVector lo = DoubleVector.zero(S);
        DoubleVector hi = DoubleVector.zero(S);
        int j = 0;
        for (; j + 8 <= p; j += 8) {
            DoubleVector dl = DoubleVector.fromArray(S, a, ao + j).sub(DoubleVector.fromArray(S, c, co + j));
            DoubleVector dh = DoubleVector.fromArray(S, a, ao + j + 4).sub(DoubleVector.fromArray(S, c, co + j + 4));
            lo = dl.fma(dl, lo);
            hi = dh.fma(dh, hi);
        }
        DoubleVector t = lo.add(hi);                 // lane i: s_i + s_{i+4}
        DoubleVector u = t.add(t.rearrange(SWAP_PAIRS)); // lane 0: (s0+s4)+(s2+s6), lane 1: (s1+s5)+(s3+s7)
        double s = u.lane(0) + u.lane(1);
        for (; j < p; j++) {
            double d = a[ao + j] - c[co + j];
            s = Math.fma(d, d, s);
        }
        return s;
    }

    @Override
    void betweenTwo(double[] a, int ao, double[] c, int c1, int c2, int p, double[] out) {
        DoubleVector lo1 = DoubleVector.zero(S);
        DoubleVector hi1 = DoubleVector.zero(S);
        DoubleVector lo2 = DoubleVector.zero(S);
        DoubleVector hi2 = DoubleVector.zero(S);
        int j = 0;
        for (; j + 8 <= p; j += 8) {
            DoubleVector xl = DoubleVector.fromArray(S, a, ao + j);
            DoubleVector xh = DoubleVector.fromArray(S, a, ao + j + 4);
            DoubleVector dl1 = xl.sub(DoubleVector.fromArray(S, c, c1 + j));
            DoubleVector dh1 = xh.sub(DoubleVector.fromArray(S, c, c1 + j + 4));
            DoubleVector dl2 = xl.sub(DoubleVector.fromArray(S, c, c2 + j));
            DoubleVector dh2 = xh.sub(DoubleVector.fromArray(S, c, c2 + j + 4));
            lo1 = dl1.fma(dl1, lo1);
            hi1 = dh1.fma(dh1, hi1);
            lo2 = dl2.fma(dl2, lo2);
            hi2 = dh2.fma(dh2, hi2);
        }
        DoubleVector t1 = lo1.add(hi1);
        DoubleVector u1 = t1.add(t1.rearrange(SWAP_PAIRS));
        DoubleVector t2 = lo2.add(hi2);
        DoubleVector u2 = t2.add(t2.rearrange(SWAP_PAIRS));
        double s1 = u1.lane(0) + u1.lane(1);
        double s2 = u2.lane(0) + u2.lane(1);
        for (; j < p; j++) {
            double x = a[ao + j];
            double d1 = x - c[c1 + j];
            double d2 = x - c[c2 + j];
            s1 = Math.fma(d1, d1, s1);
            s2 = Math.fma(d2, d2, s2);
        }
        out[0] = s1;
        out[1] = s2;
    }

    @Override
    String name() {
        return "vector-256";
    }
}
