package io.rankexec.core.job;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a job. Two kinds of trouble are kept apart: failed <em>tasks</em> (data: which
 * task, what it threw, its stack trace; the other tasks' results are kept) and a failure of the
 * <em>engine</em> ({@link #problem()}: the checkpoint could not be written, the combiner threw, a
 * chunk never completed), which makes the job FAILED.
 *
 * @param status              final status
 * @param value               the combined value (the combiner's initial value for an empty job);
 *                            for FAILED/CANCELLED jobs the partial value of what was combined
 * @param failures            failed tasks in task-index order (empty if none)
 * @param problem             what stopped the engine, or null
 * @param tasksTotal          number of tasks in the job
 * @param tasksSucceeded      tasks whose result was combined (including ones read from a checkpoint)
 * @param tasksFromCheckpoint tasks whose results came from a checkpoint journal, not computed now
 * @param elapsed             wall time from submission to completion
 */
public record JobResult<C>(JobStatus status, C value, List<TaskFailure> failures, String problem, int tasksTotal,
                           int tasksSucceeded, int tasksFromCheckpoint, Duration elapsed) {

    public JobResult {
        failures = List.copyOf(failures);
    }

    public boolean isCancelled() {
        return status == JobStatus.CANCELLED;
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /** True if the job ran to completion and no task failed (status COMPLETED). */
    public boolean isComplete() {
        return status == JobStatus.COMPLETED;
    }

    /**
     * The value if {@link #isComplete()}, else a {@link JobFailedException} whose one-line message
     * names the first failed task and why (or what stopped the engine, or that it was cancelled).
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
            if (!failures.isEmpty() || problem != null) sb.append("; ");
        }
        if (problem != null) {
            sb.append("job stopped: ").append(problem);
            if (!failures.isEmpty()) sb.append("; ");
        }
        if (!failures.isEmpty()) {
            if (status == JobStatus.FAILED && problem == null) sb.append("job stopped: ");
            sb.append(failures.get(0));
            if (failures.size() > 1) sb.append(" (and ").append(failures.size() - 1).append(" more failed tasks)");
        }
        return sb.toString();
    }
}
