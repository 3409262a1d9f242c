package io.rankexec.rng;

import java.util.random.RandomGenerator;

/**
 * A basic generator whose fast path is block generation into primitive arrays (like MKL's
 * v?RngUniform). Scalar calls are a convenience built on the same sequence, so a block fill of
 * n values equals n scalar calls. Subclasses define the raw 32-bit output and the uniform
 * double of their reference (MKL) and override the block fills with loops the JIT vectorizes.
 */
public abstract class BlockRandom implements RandomGenerator {

    /** The next 32 raw bits, as MKL's viRngUniformBits (for MRG32k3a: the value in [0, m1)). */
    public abstract int nextBits32();

    /** The next uniform double on [0,1), bit-exact with MKL's vdRngUniform(a=0, b=1). */
    @Override
    public abstract double nextDouble();

    /** Fills out[off..off+len) with uniform doubles on [0,1); equals len calls of nextDouble(). */
    public void fill(double[] out, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off; i < off + len; i++) out[i] = nextDouble();
    }

    /** Fills out[off..off+len) with raw 32-bit outputs; equals len calls of nextBits32(). */
    public void fillBits(int[] out, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off; i < off + len; i++) out[i] = nextBits32();
    }

    /** The stream this generator was created from (kind, seed, stream index). */
    public abstract StreamSpec spec();

    @Override
    public int nextInt() {
        return nextBits32();
    }

    @Override
    public long nextLong() {
        return ((long) nextBits32() << 32) | (nextBits32() & 0xFFFF_FFFFL);
    }
}
