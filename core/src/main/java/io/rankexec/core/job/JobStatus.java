package io.rankexec.core.job;

/** Life cycle of a submitted job. */
public enum JobStatus {
    PENDING,
    RUNNING,
    /** Every task ran and none failed. */
    COMPLETED,
    /** Every task was attempted and some failed: see {@link JobResult#failures()}; the others' results are kept. */
    COMPLETED_WITH_FAILURES,
    /** Stopped early: a task failed with continueOnFailure off, or the engine could not go on (see {@link JobResult#problem()}). */
    FAILED,
    /** Stopped early by {@link JobHandle#cancel()}. */
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }
}
