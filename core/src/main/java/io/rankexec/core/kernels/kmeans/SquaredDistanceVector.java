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
    String name() {
        return "vector-256";
    }
}
