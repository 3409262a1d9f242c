package io.rankexec.core.progress;

import io.rankexec.core.job.JobStatus;

/**
 * Receives progress of a job. Called by the engine's result collector (on the coordinating
 * rank only) after each chunk, never concurrently for one job; must return quickly.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override public void onUpdate(Progress p) { }
    };

    /** Job started; {@code p.tasksResumed()} tasks were restored from a checkpoint. */
    default void onStart(Progress p) { }

    /** A chunk finished. */
    void onUpdate(Progress p);

    /** Job ended with {@code status}. */
    default void onFinish(Progress p, JobStatus status) { }

    /**
     * Something the user must know although the job goes on (e.g. damaged checkpoint records that
     * will be computed again). Not progress: the default prints it on stderr, also for
     * {@link #NONE}, so a quiet run still says it.
     */
    default void onWarning(String message) {
        System.err.println("rankexec: warning: " + message);
        System.err.flush();
    }
}
