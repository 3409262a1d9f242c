package io.rankexec.core.job;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;

/**
 * A failed task: its index, the exception class name, message and full stack trace (kept as text,
 * so it crosses ranks and the checkpoint journal without the exception's class).
 */
public record TaskFailure(int taskIndex, String exceptionClass, String message, String stackTrace) implements Serializable {

    public TaskFailure {
        if (stackTrace == null) stackTrace = exceptionClass + ": " + message;
    }

    public TaskFailure(int taskIndex, String exceptionClass, String message) {
        this(taskIndex, exceptionClass, message, null);
    }

    /** Describes {@code error}; unwraps {@link ExecutionException} to its cause. */
    public static TaskFailure of(int taskIndex, Throwable error) {
        Throwable t = error;
        while (t instanceof ExecutionException && t.getCause() != null) t = t.getCause();
        if (t instanceof OutOfMemoryError) { // not the task's bug: one line naming the heap, no trace
            String m = io.rankexec.core.spi.ProgramRunner.outOfMemoryMessage();
            return new TaskFailure(taskIndex, t.getClass().getName(), m, t.getClass().getName() + ": " + m);
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new TaskFailure(taskIndex, t.getClass().getName(), String.valueOf(t.getMessage()), trace.toString());
    }

    /** The first {@code lines} lines of the stack trace (exception line included). */
    public String stackTraceHead(int lines) {
        String[] all = stackTrace.split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) sb.append(all[i]).append(System.lineSeparator());
        if (all.length > lines) sb.append("\t... ").append(all.length - lines).append(" more lines").append(System.lineSeparator());
        return sb.toString();
    }

    /** Two failures are the same if task, exception class and message agree (the trace is detail). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TaskFailure f && f.taskIndex == taskIndex && f.exceptionClass.equals(exceptionClass)
                && java.util.Objects.equals(f.message, message);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(taskIndex, exceptionClass, message);
    }

    @Override
    public String toString() {
        return "task " + taskIndex + " failed: " + exceptionClass + ": " + message;
    }
}
