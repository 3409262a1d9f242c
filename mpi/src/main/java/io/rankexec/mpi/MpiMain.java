package io.rankexec.mpi;

import io.rankexec.core.job.Engine;
import java.io.OutputStream;
import java.io.PrintStream;
import mpi.MPI;

/** The MPI side of {@link Main}: Init, run the program with an {@link MpiEngine}, Finalize. */
final class MpiMain {
    private MpiMain() { }

    /** Exit code for a job that could not complete because a rank or MPI itself failed. */
    static final int MPI_FAILURE = 3;

    static int run(String[] rawArgs, Program program) {
        InitWatchdog initDog = InitWatchdog.start(rawArgs, System.out);
        String[] args = MPI.Init(rawArgs);
        initDog.done();
        int rank = MPI.COMM_WORLD.Rank();
        boolean tag = rank == 0 && TaggedOutput.requested();
        PrintStream console = System.out; // shared by all ranks under the multicore device
        PrintStream out, err;
        if (rank == 0) {
            out = tag ? TaggedOutput.tagged(console, TaggedOutput.OUT) : System.out;
            err = tag ? TaggedOutput.tagged(console, TaggedOutput.ERR) : System.err;
        } else if (Boolean.getBoolean("rankexec.debugRanks")) { // diagnostics: every rank's output
            out = TaggedOutput.tagged(System.err, "[rank " + rank + "] ");
            err = out;
        } else { // SPMD: the other ranks run the same program silently
            out = err = new PrintStream(OutputStream.nullOutputStream());
        }
        MpiEngine.FatalHandler fatal = message -> {
            if (rank == 0) {
                err.println("rankexec: error: " + message);
                err.flush();
                if (tag) TaggedOutput.exit(console, MPI_FAILURE);
            } else {
                System.err.println("rankexec: error: rank " + rank + ": " + message);
                System.err.flush();
            }
            Runtime.getRuntime().halt(MPI_FAILURE);
        };
        int code;
        Engine[] engine = new Engine[1];
        try {
            code = program.run(args, options -> {
                if (engine[0] == null) engine[0] = new MpiEngine(MPI.COMM_WORLD, MpiEngine.timeoutFromProperty(), fatal);
                return engine[0];
            }, out, err);
        } catch (RuntimeException | Error e) {
            // Other ranks may be waiting for this one in a collective: end the whole job, not a hang.
            fatal.fatal("internal error on rank " + rank + ": " + e);
            code = 70;
        } finally {
            if (engine[0] != null) engine[0].close();
            out.flush();
            err.flush();
        }
        MPI.Finalize();
        if (tag) TaggedOutput.exit(console, code);
        return code;
    }
}
