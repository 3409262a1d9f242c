package io.rankexec.bench.kernels;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;

/** What the kernel benchmarks share: the stream each one draws from. */
final class KernelBench {

    private KernelBench() {
    }

    /** Stream 0 of the kernels' default generator (MRG32k3a, seed 1), as task 0 of a job would get. */
    static BlockRandom defaultStream() {
        return new StreamSpec(RngKind.MRG32K3A, 1L, 0L).create();
    }
}
