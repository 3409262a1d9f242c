package io.rankexec.core.job;

/** Life cycle of a submitted job. */
public enum JobStatus {
    PENDING,
    RUNNING,
    /** Every task was attempted. Some may still have failed: see {@link JobResult#failures()}. */
    SUCCEEDED,
    /** Stopped early because a task failed with continueOnFailure off. */
    FAILED,
    /** Stopped early by {@link JobHandle#cancel()}. */
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
