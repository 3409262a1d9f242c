package io.rankexec.rng;

import static jdk.incubator.vector.VectorOperators.I2D;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Mt2203Kernel} on the incubating Vector API (JDK 17: {@code --add-modules
 * jdk.incubator.vector}). Loaded reflectively, only when that module is present, so the rest of
 * the library never links against it. Results are bit-identical to the scalar kernel: the integer
 * ops are exact, and the double arithmetic is the same sequence of roundings.
 *
 * <p>HotSpot only compiles Vector API code to SIMD when every call in the chain is inlined and the
 * species are constants. Each method is therefore written out flat (no helpers taking or returning
 * vectors) and unrolled, which also keeps it above C2's hot-inlining size limit (325 bytecodes): it is
 * compiled as its own root with the full inlining depth, instead of being inlined into a deep
 * caller where the Vector API calls would exceed MaxInlineLevel and fall back to boxed objects.
 */
final class Mt2203VectorKernel extends Mt2203Kernel {

    /** 8 lanes: below the lag of 35 between a word and the newest word it reads, and measured
     *  faster than 16 lanes on AVX-512 (wider stores defeat store-to-load forwarding at that lag). */
    private static final VectorSpecies<Integer> RECUR = IntVector.SPECIES_256;
    /** Doubles at the preferred width; the ints feeding them have half that width. */
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    /** Tempering: 8 lanes measured faster than 16 on AVX-512 (and native on AVX2). */
    private static final VectorSpecies<Integer> WORDS = IntVector.SPECIES_256;

    @Override
    String name() {
        // Narrower than 256-bit doubles (SSE, NEON) would not beat the scalar loops.
        return DOUBLES.vectorBitSize() >= 256 ? "vector-" + DOUBLES.vectorBitSize() : null;
    }

    @Override
    void recur(int[] x, int count, int a) {
        final int step = RECUR.length();
        // four vectors of 8 words per iteration (count is a multiple of 32); the last reads words
        // up to k+34+31 < k+69, all written by earlier iterations or before the call
        for (int k = 0; k < count; k += 4 * step) {
            IntVector lo0 = IntVector.fromArray(RECUR, x, k);
            IntVector hi0 = IntVector.fromArray(RECUR, x, k + 1);
            IntVector y0 = lo0.and(UPPER_MASK).or(hi0.and(LOWER_MASK));
            IntVector.fromArray(RECUR, x, k + M)
                    .lanewise(XOR, y0.lanewise(LSHR, 1))
                    .lanewise(XOR, hi0.and(1).neg().and(a))
                    .intoArray(x, k + N);
            IntVector lo1 = IntVector.fromArray(RECUR, x, k + step);
            IntVector hi1 = IntVector.fromArray(RECUR, x, k + step + 1);
            IntVector y1 = lo1.and(UPPER_MASK).or(hi1.and(LOWER_MASK));
            IntVector.fromArray(RECUR, x, k + step + M)
                    .lanewise(XOR, y1.lanewise(LSHR, 1))
                    .lanewise(XOR, hi1.and(1).neg().and(a))
                    .intoArray(x, k + step + N);
            IntVector lo2 = IntVector.fromArray(RECUR, x, k + 2 * step);
            IntVector hi2 = IntVector.fromArray(RECUR, x, k + 2 * step + 1);
            IntVector y2 = lo2.and(UPPER_MASK).or(hi2.and(LOWER_MASK));
            IntVector.fromArray(RECUR, x, k + 2 * step + M)
                    .lanewise(XOR, y2.lanewise(LSHR, 1))
                    .lanewise(XOR, hi2.and(1).neg().and(a))
                    .intoArray(x, k + 2 * step + N);
            IntVector lo3 = IntVector.fromArray(RECUR, x, k + 3 * step);
            IntVector hi3 = IntVector.fromArray(RECUR, x, k + 3 * step + 1);
            IntVector y3 = lo3.and(UPPER_MASK).or(hi3.and(LOWER_MASK));
            IntVector.fromArray(RECUR, x, k + 3 * step + M)
                    .lanewise(XOR, y3.lanewise(LSHR, 1))
                    .lanewise(XOR, hi3.and(1).neg().and(a))
                    .intoArray(x, k + 3 * step + N);
        }
    }

    @Override
    void temper(int[] x, int[] t, int from, int count, int b, int c) {
        final int step = WORDS.length();
        final int to = from + count;
        int i = from;
        for (int end = to - 3 * step; i <= end; i += 3 * step) {
            IntVector y0 = IntVector.fromArray(WORDS, x, i);
            y0 = y0.lanewise(XOR, y0.lanewise(LSHR, 12));
            y0 = y0.lanewise(XOR, y0.lanewise(LSHL, 7).and(b));
            y0 = y0.lanewise(XOR, y0.lanewise(LSHL, 15).and(c));
            y0.lanewise(XOR, y0.lanewise(LSHR, 18)).intoArray(t, i);
            IntVector y1 = IntVector.fromArray(WORDS, x, i + step);
            y1 = y1.lanewise(XOR, y1.lanewise(LSHR, 12));
            y1 = y1.lanewise(XOR, y1.lanewise(LSHL, 7).and(b));
            y1 = y1.lanewise(XOR, y1.lanewise(LSHL, 15).and(c));
            y1.lanewise(XOR, y1.lanewise(LSHR, 18)).intoArray(t, i + step);
            IntVector y2 = IntVector.fromArray(WORDS, x, i + 2 * step);
            y2 = y2.lanewise(XOR, y2.lanewise(LSHR, 12));
            y2 = y2.lanewise(XOR, y2.lanewise(LSHL, 7).and(b));
            y2 = y2.lanewise(XOR, y2.lanewise(LSHL, 15).and(c));
            y2.lanewise(XOR, y2.lanewise(LSHR, 18)).intoArray(t, i + 2 * step);
        }
        for (; i < to; i++) t[i] = temper(x[i], b, c);
    }

    // u = (t ^ 2^31) * 2^-32 + 0.5 = unsigned(t) * 2^-32, both operations exact
    @Override
    void unit(int[] t, int from, int n, double[] out, int off) {
        final int step = INTS.length();
        int i = 0;
        for (int end = n - 5 * step; i <= end; i += 5 * step) {
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).intoArray(out, off + i);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).intoArray(out, off + i + step);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + 2 * step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).intoArray(out, off + i + 2 * step);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + 3 * step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).intoArray(out, off + i + 3 * step);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + 4 * step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).intoArray(out, off + i + 4 * step);
        }
        for (; i < n; i++) out[off + i] = unit(t[from + i]);
    }

    // lo + width * u with a rounding after each operation (never fused), as MKL
    @Override
    void range(int[] t, int from, int n, double[] out, int off, double lo, double width) {
        final int step = INTS.length();
        int i = 0;
        for (int end = n - 4 * step; i <= end; i += 4 * step) {
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).mul(width).add(lo)
                    .intoArray(out, off + i);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).mul(width).add(lo)
                    .intoArray(out, off + i + step);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + 2 * step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).mul(width).add(lo)
                    .intoArray(out, off + i + 2 * step);
            ((DoubleVector) IntVector.fromArray(INTS, t, from + i + 3 * step).lanewise(XOR, 0x8000_0000)
                    .convertShape(I2D, DOUBLES, 0)).mul(TWO_POW_M32).add(0.5).mul(width).add(lo)
                    .intoArray(out, off + i + 3 * step);
        }
        for (; i < n; i++) out[off + i] = lo + width * unit(t[from + i]);
    }
}
