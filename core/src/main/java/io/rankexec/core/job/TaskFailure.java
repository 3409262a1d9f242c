package io.rankexec.core.job;

import java.io.Serializable;
import java.util.concurrent.ExecutionException;

/** A failed task: its index, the exception class name and message (serializable across ranks). */
public record TaskFailure(int taskIndex, String exceptionClass, String message) implements Serializable {

    /** Describes {@code error}; unwraps {@link ExecutionException} to its cause. */
    public static TaskFailure of(int taskIndex, Throwable error) {
        Throwable t = error;
        while (t instanceof ExecutionException && t.getCause() != null) t = t.getCause();
        return new TaskFailure(taskIndex, t.getClass().getName(), String.valueOf(t.getMessage()));
    }

    @Override
    public String toString() {
        return "task " + taskIndex + " failed: " + exceptionClass + ": " + message;
    }
}
