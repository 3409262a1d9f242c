package io.rankexec.core.job;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a job.
 *
 * @param status            final status
 * @param value             the combined value (the combiner's initial value for an empty job);
 *                          for FAILED/CANCELLED jobs the partial value of what was combined
 * @param failures          failed tasks in task-index order (empty if none)
 * @param tasksTotal        number of tasks in the job
 * @param tasksSucceeded    tasks whose result was combined (including ones read from a checkpoint)
 * @param tasksFromCheckpoint tasks whose results came from a checkpoint journal, not computed now
 * @param elapsed           wall time from submission to completion
 */
public record JobResult<C>(JobStatus status, C value, List<TaskFailure> failures, int tasksTotal,
                           int tasksSucceeded, int tasksFromCheckpoint, Duration elapsed) {

    public JobResult {
        failures = List.copyOf(failures);
    }

    public boolean cancelled() {
        return status == JobStatus.CANCELLED;
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /** True if the job ran to completion and no task failed. */
    public boolean isComplete() {
        return status == JobStatus.SUCCEEDED && failures.isEmpty();
    }

    /**
     * The value if {@link #isComplete()}, else a {@link JobFailedException} whose one-line message
     * names the first failed task and why (or that the job was cancelled).
     */
    public C valueOrThrow() {
        if (isComplete()) return value;
        throw new JobFailedException(describeProblem(), this);
    }

    /** One line describing why the job is not complete; empty if it is. */
    public String describeProblem() {
        if (isComplete()) return "";
        StringBuilder sb = new StringBuilder();
        if (status == JobStatus.CANCELLED) {
            sb.append("job cancelled after ").append(tasksSucceeded + failures.size())
              .append(" of ").append(tasksTotal).append(" tasks");
            if (!failures.isEmpty()) sb.append("; ");
        }
        if (!failures.isEmpty()) {
            if (status == JobStatus.FAILED) sb.append("job stopped: ");
            sb.append(failures.get(0));
            if (failures.size() > 1) sb.append(" (and ").append(failures.size() - 1).append(" more failed tasks)");
        }
        return sb.toString();
    }
}
