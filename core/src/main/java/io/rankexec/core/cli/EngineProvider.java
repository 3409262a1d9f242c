package io.rankexec.core.cli;

import io.rankexec.core.engine.LocalEngine;
import io.rankexec.core.job.Engine;

/** Creates the engine a CLI run uses; the MPI entry point passes one that builds the MPI engine. */
@FunctionalInterface
public interface EngineProvider {

    Engine create(EngineOptions options);

    /** The local thread engine: --threads, else --ranks, else one thread per processor. */
    static EngineProvider local() {
        return o -> {
            int n = o.threads() > 0 ? o.threads() : o.ranks();
            return n > 0 ? new LocalEngine(n) : new LocalEngine();
        };
    }
}
