package io.rankexec.core.spi;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;

/**
 * THE task -> random stream mapping of the reproducibility contract: task i of a job with
 * (kind, seed) draws from the stream identified here, independent of rank, thread and chunk.
 */
public final class TaskStreams {
    private TaskStreams() { }

    public static StreamSpec specFor(RngKind kind, long seed, int taskIndex) {
        return StreamSpec.forTask(kind, seed, taskIndex);
    }

    public static BlockRandom create(RngKind kind, long seed, int taskIndex) {
        return specFor(kind, seed, taskIndex).create();
    }
}
