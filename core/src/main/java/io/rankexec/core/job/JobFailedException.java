package io.rankexec.core.job;

import java.util.List;

/** Thrown by {@link JobResult#valueOrThrow()} when a job did not fully succeed. */
public class JobFailedException extends RuntimeException {
    private final transient JobResult<?> result;

    public JobFailedException(String message, JobResult<?> result) {
        super(message);
        this.result = result;
    }

    /** The result that caused this exception (partial value, failures, status). */
    public JobResult<?> result() {
        return result;
    }

    public List<TaskFailure> failures() {
        return result == null ? List.of() : result.failures();
    }
}
