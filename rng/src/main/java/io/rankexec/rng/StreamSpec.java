package io.rankexec.rng;

import java.io.Serializable;

/**
 * The identity of one random stream: generator kind, seed and stream index. It is small and
 * serializable, so it travels inside a task to any rank and recreates the exact same stream there.
 */
public record StreamSpec(RngKind kind, long seed, long stream) implements Serializable {

    public StreamSpec {
        if (kind == null) throw new IllegalArgumentException("RNG kind must not be null");
        if (stream < 0) throw new IllegalArgumentException("stream index must be >= 0, got " + stream);
    }

    /** Creates a fresh generator positioned at the start of this stream. */
    public BlockRandom create() {
        throw new UnsupportedOperationException("generator " + kind + " not implemented yet");
    }
}
