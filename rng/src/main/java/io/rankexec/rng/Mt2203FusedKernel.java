package io.rankexec.rng;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

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
 * slower than the scalar loops. This pass uses only 256-bit int vectors and one double subtraction.
 *
 * <p>Unsigned int to double without 64-bit lanes: each word u is spread into a pair of int lanes
 * (one vpermd), which become the IEEE bits of 1 + u * 2^-32 (low lane u << 20, high lane
 * 0x3FF00000 | u >>> 12); subtracting 1.0 leaves u * 2^-32, exactly (both steps are exact), the
 * same double as {@link Mt2203Kernel#unit(int)}.
 *
 * <p>Methods are written flat so that C2 inlines every Vector API call (see Mt2203VectorKernel).
 */
final class Mt2203FusedKernel extends Mt2203Kernel {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
    private static final VectorShuffle<Integer> LOW4 = VectorShuffle.fromValues(S, 0, 0, 1, 1, 2, 2, 3, 3);
    private static final VectorShuffle<Integer> HIGH4 = VectorShuffle.fromValues(S, 4, 4, 5, 5, 6, 6, 7, 7);
    private static final IntVector SHL = IntVector.fromArray(S, new int[] {20, 0, 20, 0, 20, 0, 20, 0}, 0);
    private static final IntVector SHR = IntVector.fromArray(S, new int[] {0, 12, 0, 12, 0, 12, 0, 12}, 0);
    private static final IntVector ONE = IntVector.fromArray(S,
            new int[] {0, 0x3FF0_0000, 0, 0x3FF0_0000, 0, 0x3FF0_0000, 0, 0x3FF0_0000}, 0);

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
            v0.rearrange(LOW4).lanewise(LSHL, SHL).lanewise(LSHR, SHR).or(ONE)
                    .reinterpretAsDoubles().sub(1.0).intoArray(out, off + k);
            v0.rearrange(HIGH4).lanewise(LSHL, SHL).lanewise(LSHR, SHR).or(ONE)
                    .reinterpretAsDoubles().sub(1.0).intoArray(out, off + k + 4);

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
            v1.rearrange(LOW4).lanewise(LSHL, SHL).lanewise(LSHR, SHR).or(ONE)
                    .reinterpretAsDoubles().sub(1.0).intoArray(out, off + k + 8);
            v1.rearrange(HIGH4).lanewise(LSHL, SHL).lanewise(LSHR, SHR).or(ONE)
                    .reinterpretAsDoubles().sub(1.0).intoArray(out, off + k + 12);
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
