package io.rankexec.rng;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A basic generator whose fast path is block generation into primitive arrays (like MKL's
 * v?RngUniform). Scalar calls are a convenience built on the same sequence, so a block fill of
 * n values equals n scalar calls. Subclasses define the raw 32-bit output and the uniform
 * double of their reference (MKL) and override the block fills with loops the JIT can optimise.
 *
 * <p>Distributions on top of any BlockRandom live in {@link io.rankexec.rng.dist.Distributions}.
 */
public abstract class BlockRandom implements RandomGenerator {

    /** The next 32 raw bits, as MKL's viRngUniformBits (for MRG32k3a: the value in [0, m1)). */
    public abstract int nextBits32();

    /** The next uniform double on [0,1), bit-exact with MKL's vdRngUniform(a=0, b=1). */
    @Override
    public abstract double nextDouble();

    /** Fills out[off..off+len) with uniform doubles on [0,1); equals len calls of nextDouble(). */
    public void fill(double[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off; i < off + len; i++) out[i] = nextDouble();
    }

    /**
     * Fills out[off..off+len) with uniform doubles on [a, b) computed as MKL's
     * vdRngUniform(VSL_RNG_METHOD_UNIFORM_STD) does: {@code a + (b - a) * u}. As in MKL, rounding
     * can give exactly b when b - a is not a power of two times the spacing of u; callers that
     * need a strict upper bound use {@link io.rankexec.rng.dist.Distributions#uniform}.
     */
    public void fill(double[] out, int off, int len, double a, double b) {
        checkRange(a, b);
        fill(out, off, len);
        double w = b - a;
        for (int i = off, end = off + len; i < end; i++) out[i] = a + w * out[i];
    }

    /** Fills out[off..off+len) with floats on [0,1): MKL's vsRngUniform(a=0, b=1), the double u rounded to float. */
    public void fill(float[] out, int off, int len) {
        fill(out, off, len, 0f, 1f);
    }

    /**
     * Fills out[off..off+len) with floats on [a, b) as MKL's vsRngUniform does: {@code a + (b - a) * u}
     * in double, rounded once to float (so, as in MKL, b itself can come out).
     */
    public void fill(float[] out, int off, int len, float a, float b) {
        Objects.checkFromIndexSize(off, len, out.length);
        checkRange(a, b);
        double lo = a;
        double w = (double) b - (double) a;
        for (int i = off, end = off + len; i < end; i++) out[i] = (float) (lo + w * nextDouble());
    }

    /** Fills out[off..off+len) with raw 32-bit outputs; equals len calls of nextBits32(). */
    public void fillBits(int[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off; i < off + len; i++) out[i] = nextBits32();
    }

    /**
     * The number of distinct values of {@link #nextBits32()} read as unsigned: 2^32 when all bit
     * patterns are equally likely (Mersenne twisters), m1 for MRG32k3a. Unbiased integer sampling
     * relies on it.
     */
    public long bitsBound() {
        return 1L << 32;
    }

    /** The stream this generator was created from (kind, seed, stream index); null for a raw state. */
    public abstract StreamSpec spec();

    @Override
    public int nextInt() {
        return nextBits32();
    }

    @Override
    public long nextLong() {
        return ((long) nextBits32() << 32) | (nextBits32() & 0xFFFF_FFFFL);
    }

    /** Shared argument check of the [a, b) fills (package-private: subclasses here reuse it). */
    static void checkRange(double a, double b) {
        if (!(a < b) || !Double.isFinite(b - a)) {
            throw new IllegalArgumentException("uniform range needs finite a < b, got [" + a + ", " + b + ")");
        }
    }
}
