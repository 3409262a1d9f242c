package io.rankexec.kernels;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;

/** A BlockRandom that replays given uniforms, to drive a kernel down a chosen path. */
public final class ScriptedRandom extends BlockRandom {

    private final double[] values;
    private int next;

    public ScriptedRandom(double... values) {
        this.values = values;
    }

    /** Uniform that makes Draws.below(rng, n) return v. */
    public static double pick(int v, int n) {
        return (v + 0.5) / n;
    }

    @Override
    public double nextDouble() {
        if (next >= values.length) throw new IllegalStateException("script exhausted after " + next + " draws");
        return values[next++];
    }

    @Override
    public int nextBits32() {
        return (int) (nextDouble() * 4294967296.0);
    }

    @Override
    public StreamSpec spec() {
        return new StreamSpec(RngKind.MRG32K3A, 0, 0);
    }

    public int used() {
        return next;
    }

    /** A real stream for statistical tests. */
    public static BlockRandom stream(long seed, long index) {
        return new StreamSpec(RngKind.MRG32K3A, seed, index).create();
    }
}
