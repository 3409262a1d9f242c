package io.rankexec.core.kernels.support;

import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.progress.ProgressListener;
import io.rankexec.rng.RngKind;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a kernel's job runs, independent of what it computes: RNG kind and seed, chunking,
 * scheduling, failure handling, timeout, progress and checkpointing. The CLI's global options
 * map one to one onto it; Java callers start from {@link #defaults()}.
 *
 * @param chunkSize 0 lets the engine choose
 * @param checkpointDir null for no checkpointing
 * @param taskTimeout null for no limit
 */
public record JobSettings(RngKind rng, long seed, int chunkSize, Scheduling scheduling, boolean continueOnFailure,
                          Duration taskTimeout, ProgressListener progress, Path checkpointDir, boolean resume) {

    /** The CLI's default seed, fixed so that runs are reproducible unless asked otherwise. */
    public static final long DEFAULT_SEED = 42;

    public JobSettings {
        if (rng == null) throw new IllegalArgumentException("RNG kind must not be null");
        if (chunkSize < 0) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        if (scheduling == null) throw new IllegalArgumentException("scheduling must not be null");
        if (progress == null) progress = ProgressListener.NONE;
    }

    /** MRG32K3A, seed 42, engine-chosen chunks, dynamic scheduling, continue on failure, no progress. */
    public static JobSettings defaults() {
        return new JobSettings(RngKind.MRG32K3A, DEFAULT_SEED, 0, Scheduling.DYNAMIC, true, null, ProgressListener.NONE, null, false);
    }

    public JobSettings withSeed(long newSeed) {
        return new JobSettings(rng, newSeed, chunkSize, scheduling, continueOnFailure, taskTimeout, progress, checkpointDir, resume);
    }

    public JobSettings withRng(RngKind kind) {
        return new JobSettings(kind, seed, chunkSize, scheduling, continueOnFailure, taskTimeout, progress, checkpointDir, resume);
    }

    public JobSettings withChunkSize(int size) {
        return new JobSettings(rng, seed, size, scheduling, continueOnFailure, taskTimeout, progress, checkpointDir, resume);
    }

    public JobSettings withScheduling(Scheduling s) {
        return new JobSettings(rng, seed, chunkSize, s, continueOnFailure, taskTimeout, progress, checkpointDir, resume);
    }

    public JobSettings withProgress(ProgressListener p) {
        return new JobSettings(rng, seed, chunkSize, scheduling, continueOnFailure, taskTimeout, p, checkpointDir, resume);
    }

    public JobSettings withCheckpoint(Path dir, boolean resumeIt) {
        return new JobSettings(rng, seed, chunkSize, scheduling, continueOnFailure, taskTimeout, progress, dir, resumeIt);
    }

    /** Applies these settings to a kernel's job and builds it; {@code identity} names kernel and parameters. */
    public <A, R> JobSpec<A, R> apply(JobSpec.Builder<A, R> builder, String identity) {
        builder.rng(rng, seed).scheduling(scheduling).continueOnFailure(continueOnFailure)
                .taskTimeout(taskTimeout).progress(progress).identity(identity);
        if (chunkSize > 0) builder.chunkSize(chunkSize);
        if (checkpointDir != null) builder.checkpoint(checkpointDir, resume);
        return builder.build();
    }

    /** "seed=42, rng=MRG32K3A": the part of a result line that says how to reproduce it. */
    public String describe() {
        return "seed=" + seed + ", rng=" + rng;
    }
}
