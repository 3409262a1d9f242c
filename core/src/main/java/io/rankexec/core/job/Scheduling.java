package io.rankexec.core.job;

/**
 * How chunks are assigned to workers. Results do not depend on it (see {@link Combiner.Order}).
 */
public enum Scheduling {
    /** Chunks pre-assigned up front (round robin by chunk index); least coordination. */
    STATIC,
    /** Workers take the next chunk when they finish one; slow chunks do not idle others. */
    DYNAMIC
}
