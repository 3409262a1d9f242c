package io.rankexec.core.job;

import java.io.Serializable;

/** A task that needs no element argument (the usual shape of a {@code timesToRun} job); see {@link Task}. */
@FunctionalInterface
public interface ContextTask<R> extends Serializable {
    R run(TaskContext ctx) throws Exception;
}
