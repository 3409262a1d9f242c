package io.rankexec.core.progress;

/**
 * A snapshot of a job's progress.
 *
 * @param tasksDone      tasks finished (succeeded or failed), including those from a checkpoint
 * @param tasksTotal     tasks in the job
 * @param tasksResumed   tasks restored from a checkpoint at start (not computed in this run)
 * @param failures       failed tasks so far
 * @param elapsedNanos   time since the job started
 */
public record Progress(int tasksDone, int tasksTotal, int tasksResumed, int failures, long elapsedNanos) {

    public double fraction() {
        return tasksTotal == 0 ? 1.0 : (double) tasksDone / tasksTotal;
    }

    /** Tasks per second computed in this run (resumed tasks excluded); 0 before any. */
    public double tasksPerSecond() {
        int computed = tasksDone - tasksResumed;
        return elapsedNanos <= 0 || computed <= 0 ? 0.0 : computed * 1e9 / elapsedNanos;
    }

    /** Estimated seconds to completion at the current rate, or -1 if unknown. */
    public double etaSeconds() {
        double rate = tasksPerSecond();
        return rate <= 0 ? -1 : (tasksTotal - tasksDone) / rate;
    }
}
