package io.rankexec.core.job;

/** A task that needs no element argument (the usual shape of a {@code timesToRun} job). */
@FunctionalInterface
public interface ContextTask<R> {
    R run(TaskContext ctx) throws Exception;
}
