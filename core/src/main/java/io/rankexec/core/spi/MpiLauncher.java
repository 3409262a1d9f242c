package io.rankexec.core.spi;

import io.rankexec.core.job.Program;

/**
 * How {@link io.rankexec.core.job.Rankexec} runs a program under MPI: implemented by the
 * {@code rankexec-mpi} module and found with {@link java.util.ServiceLoader}, so that core needs
 * no MPI library. Engine SPI, not part of the user API.
 */
public interface MpiLauncher {
    /**
     * Runs {@code program} on rank 0 and serves its jobs on the other ranks; reports the exit code
     * itself (all ranks may share one JVM, so it must not call System.exit).
     *
     * @param mpjArgs         the arguments as mpjrun passed them (its prefix, then the program's)
     * @param programIdentity main class name, for derived checkpoint identities
     */
    void run(String[] mpjArgs, Program program, String programIdentity);
}
