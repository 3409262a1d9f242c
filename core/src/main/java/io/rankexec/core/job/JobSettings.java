package io.rankexec.core.job;

import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import java.io.Serializable;
import java.time.Duration;

/**
 * How a job runs, apart from what it computes: RNG kind and seed, chunk size, scheduling, failure
 * policy and task timeout. The one settings type: {@link JobSpec.Builder} keeps one, the command
 * line's global options ({@code --seed --rng --chunk-size --schedule --stop-on-failure
 * --task-timeout}) parse into one, and an engine started by {@link Rankexec} applies it to every
 * job for the settings the job leaves unset.
 *
 * @param rng               generator family; task i draws from the stream for (rng, seed, i)
 * @param seed              seed of the task streams, in [0, 2^32)
 * @param chunkSize         tasks per chunk, 0 = chosen by the engine
 * @param scheduling        static or dynamic hand-out of chunks (never changes results)
 * @param continueOnFailure on: failed tasks are reported and the others run; off: the first
 *                          failure stops the job
 * @param taskTimeout       per-task wall-time limit, null = none
 */
public record JobSettings(RngKind rng, long seed, int chunkSize, Scheduling scheduling, boolean continueOnFailure,
                          Duration taskTimeout) implements Serializable {

    /** The default seed, fixed (not time-based) so runs repeat unless asked otherwise. */
    public static final long DEFAULT_SEED = 42;

    /** MRG32K3A, seed 42, engine-chosen chunks, dynamic scheduling, continue on failure, no timeout. */
    public static final JobSettings DEFAULTS =
            new JobSettings(RngKind.MRG32K3A, DEFAULT_SEED, 0, Scheduling.DYNAMIC, true, null);

    public JobSettings {
        if (rng == null) throw new IllegalArgumentException("RNG kind must not be null");
        new StreamSpec(rng, seed, 0); // validates the seed range for this generator family
        if (chunkSize < 0) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        if (scheduling == null) throw new IllegalArgumentException("scheduling must not be null");
        if (taskTimeout != null && (taskTimeout.isNegative() || taskTimeout.isZero()))
            throw new IllegalArgumentException("task timeout must be positive, got " + taskTimeout);
    }

    public JobSettings withRng(RngKind kind) {
        return new JobSettings(kind, seed, chunkSize, scheduling, continueOnFailure, taskTimeout);
    }

    public JobSettings withSeed(long newSeed) {
        return new JobSettings(rng, newSeed, chunkSize, scheduling, continueOnFailure, taskTimeout);
    }

    public JobSettings withChunkSize(int size) {
        return new JobSettings(rng, seed, size, scheduling, continueOnFailure, taskTimeout);
    }

    public JobSettings withScheduling(Scheduling s) {
        return new JobSettings(rng, seed, chunkSize, s, continueOnFailure, taskTimeout);
    }

    public JobSettings withContinueOnFailure(boolean on) {
        return new JobSettings(rng, seed, chunkSize, scheduling, on, taskTimeout);
    }

    public JobSettings withTaskTimeout(Duration timeout) {
        return new JobSettings(rng, seed, chunkSize, scheduling, continueOnFailure, timeout);
    }

    /** Sets these settings on {@code builder}, names the job {@code identity} and builds it. */
    public <A, R> JobSpec<A, R> apply(JobSpec.Builder<A, R> builder, String identity) {
        return builder.settings(this).identity(identity).build();
    }

    /** "seed=42, rng=MRG32K3A": the part of a result line that says how to reproduce it. */
    public String describe() {
        return "seed=" + seed + ", rng=" + rng;
    }
}
