package io.rankexec.core.cli;

/**
 * The global options that decide the engine.
 *
 * @param threads worker threads per process, 0 = one per processor
 * @param ranks   ranks asked for with {@code --ranks} (0 = not given); the MPI launcher uses it,
 *                the local engine treats it as a thread count when --threads is absent
 */
public record EngineOptions(int threads, int ranks, boolean quiet) {
}
