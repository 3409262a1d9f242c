package io.rankexec.rng;

import static jdk.incubator.vector.VectorOperators.I2D;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Mt2203Kernel} for CPUs whose widest vectors are 256 bits (AVX2): long double fills run
 * the recurrence, the tempering and the conversion in one pass over 8-word int vectors, writing
 * the doubles straight into the caller's array. Short fills and the buffered paths use the scalar
 * loops (same values).
 *
 * <p>Why not {@link Mt2203VectorKernel}'s three passes: with 256-bit doubles that kernel converts
 * from 128-bit int vectors, and on AVX2 (JDK 17, measured on AMD Zen 3 and with -XX:UseAVX=2 on Zen 5)
 * a recurrence pass that follows its double pass ran 10x slower than alone, making the whole fill
 * slower than the scalar loops. In this one pass the conversion does not slow the recurrence down.
 *
 * <p>Unsigned int to double: u = (t ^ 2^31) * 2^-32 + 0.5 (both steps exact, the same double as
 * {@link Mt2203Kernel#unit(int)}) from the signed ints, converted four at a time (vcvtdq2pd) from the
 * low half and from the halves swapped by one constant vpermd. {@code convertShape(I2D, D, 1)} for
 * the high half compiles (JDK 17, AVX2) to a shuffle loaded and range-checked on every call plus a
 * blend; the earlier route through the IEEE bits of 1 + u 2^-32 (two vpermd, two shifts, an or and
 * a subtraction per four doubles) ran 0.40 ns per double against 0.35 now (-XX:UseAVX=2 on Zen 5).
 *
 * <p>Methods are written flat so that C2 inlines every Vector API call (see Mt2203VectorKernel).
 */
final class Mt2203FusedKernel extends Mt2203Kernel {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final VectorShuffle<Integer> SWAP_HALVES = VectorShuffle.fromValues(S, 4, 5, 6, 7, 0, 1, 2, 3);

    @Override
    String name() {
        return S.length() == 8 ? "fused-256" : null;
    }

    @Override
    boolean fuses() {
        return true;
    }

    /**
     * Two vectors (16 words) per iteration; count is a multiple of 32. The second vector reads
     * words up to k+8+34+7 = k+49 < k+69, all written before it.
     */
    @Override
    void recurUnit(int[] x, int[] t, int count, int a, int b, int c, double[] out, int off) {
        for (int k = 0; k < count; k += 16) {
            IntVector lo0 = IntVector.fromArray(S, x, k);
            IntVector hi0 = IntVector.fromArray(S, x, k + 1);
            IntVector y0 = lo0.and(UPPER_MASK).or(hi0.and(LOWER_MASK));
            IntVector v0 = IntVector.fromArray(S, x, k + M)
                    .lanewise(XOR, y0.lanewise(LSHR, 1)).lanewise(XOR, hi0.and(1).neg().and(a));
            v0.intoArray(x, k + N);
            v0 = v0.lanewise(XOR, v0.lanewise(LSHR, 12));
            v0 = v0.lanewise(XOR, v0.lanewise(LSHL, 7).and(b));
            v0 = v0.lanewise(XOR, v0.lanewise(LSHL, 15).and(c));
            v0 = v0.lanewise(XOR, v0.lanewise(LSHR, 18));
            v0 = v0.lanewise(XOR, 0x8000_0000);
            ((DoubleVector) v0.convertShape(I2D, D, 0)).fma(TWO_POW_M32, 0.5).intoArray(out, off + k);
            ((DoubleVector) v0.rearrange(SWAP_HALVES).convertShape(I2D, D, 0)).fma(TWO_POW_M32, 0.5).intoArray(out, off + k + 4);

            IntVector lo1 = IntVector.fromArray(S, x, k + 8);
            IntVector hi1 = IntVector.fromArray(S, x, k + 9);
            IntVector y1 = lo1.and(UPPER_MASK).or(hi1.and(LOWER_MASK));
            IntVector v1 = IntVector.fromArray(S, x, k + 8 + M)
                    .lanewise(XOR, y1.lanewise(LSHR, 1)).lanewise(XOR, hi1.and(1).neg().and(a));
            v1.intoArray(x, k + 8 + N);
            v1 = v1.lanewise(XOR, v1.lanewise(LSHR, 12));
            v1 = v1.lanewise(XOR, v1.lanewise(LSHL, 7).and(b));
            v1 = v1.lanewise(XOR, v1.lanewise(LSHL, 15).and(c));
            v1 = v1.lanewise(XOR, v1.lanewise(LSHR, 18));
            v1 = v1.lanewise(XOR, 0x8000_0000);
            ((DoubleVector) v1.convertShape(I2D, D, 0)).fma(TWO_POW_M32, 0.5).intoArray(out, off + k + 8);
            ((DoubleVector) v1.rearrange(SWAP_HALVES).convertShape(I2D, D, 0)).fma(TWO_POW_M32, 0.5).intoArray(out, off + k + 12);
        }
    }

    @Override
    void recur(int[] x, int count, int a) {
        SCALAR.recur(x, count, a);
    }

    @Override
    void temper(int[] x, int[] t, int from, int count, int b, int c) {
        SCALAR.temper(x, t, from, count, b, c);
    }

    @Override
    void unit(int[] t, int from, int n, double[] out, int off) {
        SCALAR.unit(t, from, n, out, off);
    }

    @Override
    void range(int[] t, int from, int n, double[] out, int off, double lo, double width) {
        SCALAR.range(t, from, n, out, off, lo, width);
    }
}
