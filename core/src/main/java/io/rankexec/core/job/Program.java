package io.rankexec.core.job;

/**
 * The user's program, run by {@link Rankexec#main(String[], Program)}: it gets an engine already
 * set up from rankexec's global options (local threads, or MPI ranks) and its own arguments,
 * untouched. Under MPI it runs on rank 0 only; the other ranks serve its jobs' chunks and never
 * run user code other than tasks.
 */
@FunctionalInterface
public interface Program {
    /**
     * @throws UsageException    a mistake of the user: one line on stderr, exit code 2
     * @throws JobFailedException a job did not complete: exit code 1 (its first failure on stderr)
     * @throws Exception         anything else: exit code 1 with the exception
     */
    void run(Engine engine, String[] args) throws Exception;
}
