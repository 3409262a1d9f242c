package io.rankexec.rng;

import java.io.Serializable;

/**
 * The identity of one random stream: generator kind, seed and stream index. It is small and
 * serializable, so it travels inside a task to any rank and recreates the exact same stream there.
 *
 * <p>Reproducibility contract: the stream of a task depends only on (kind, seed, task index),
 * through {@link #forTask(RngKind, long, long)}, never on the rank or thread that runs it.
 * <ul>
 * <li>MRG32K3A: stream i is MKL's {@code vslNewStream(MRG32K3A, seed)} advanced by i * 2^127
 * steps (i stream jumps, computed in O(log i)); streams never overlap for i < 2^63.</li>
 * <li>MT2203: delegated to {@code Mt2203.forTask(seed, i)} (substream i mod 6024 and the scheme
 * documented there).</li>
 * </ul>
 *
 * @param kind   the generator family
 * @param seed   MKL's 32-bit unsigned seed, in [0, 2^32)
 * @param stream the stream (task) index, >= 0
 */
public record StreamSpec(RngKind kind, long seed, long stream) implements Serializable {

    public StreamSpec {
        if (kind == null) throw new IllegalArgumentException("RNG kind must not be null");
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be an unsigned 32-bit value in [0, 2^32), got " + seed);
        }
        if (stream < 0) throw new IllegalArgumentException("stream index must be >= 0, got " + stream);
    }

    /** The stream of task {@code taskIndex} of a job seeded with (kind, seed): THE task-to-stream mapping. */
    public static StreamSpec forTask(RngKind kind, long seed, long taskIndex) {
        if (taskIndex < 0) throw new IllegalArgumentException("task index must be >= 0, got " + taskIndex);
        return new StreamSpec(kind, seed, taskIndex);
    }

    /** Creates a fresh generator positioned at the start of this stream. */
    public BlockRandom create() {
        return switch (kind) {
            case MRG32K3A -> Mrg32k3a.forStream(seed, stream);
            case MT2203 -> Mt2203.forTask(seed, stream);
        };
    }
}
