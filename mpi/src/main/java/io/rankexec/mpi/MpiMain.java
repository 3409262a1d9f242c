package io.rankexec.mpi;

import io.rankexec.core.job.GlobalOptions;
import io.rankexec.core.job.Program;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.UsageException;
import io.rankexec.core.spi.MpiLauncher;
import io.rankexec.core.spi.ProgramRunner;
import java.io.PrintStream;
import mpi.MPI;

/**
 * {@link Rankexec#main} under mpjrun (found through {@link java.util.ServiceLoader}): Init, then
 * rank 0 runs the program on an {@link MpiEngine} while the other ranks serve its jobs, Finalize.
 * Rank 0's stdout and stderr are tagged for bin/rankexec (see {@link TaggedOutput}), which also
 * reads the exit code from them: a rank must not call System.exit, as under the multicore device
 * it would end all ranks.
 */
public final class MpiMain implements MpiLauncher {

    @Override
    public void run(String[] rawArgs, Program program, String programIdentity) {
        // The starter's prefix names the rank (MpjLaunch checked it), so failures before and
        // after MPI.Init go through the same handler.
        int rank = Integer.parseInt(rawArgs[0]);
        boolean tag = rank == 0 && TaggedOutput.requested();
        PrintStream console = System.out; // shared by all ranks under the multicore device
        MpiEngine.FatalHandler fatal = fatalHandler(rank, tag, console);
        // Rank 0 decides the options; every rank reads the same -D properties for its engine.
        GlobalOptions options = null;
        UsageException badOptions = null;
        try {
            options = GlobalOptions.fromEnvironment();
        } catch (UsageException e) {
            badOptions = e;
        }
        MpiSettings settings;
        try {
            settings = MpiSettings.fromSystemProperties(options == null ? 1 : options.threads());
        } catch (IllegalArgumentException e) { // a bad -Drankexec.mpi.*: the same on every rank
            fatal.fatal(e.getMessage());
            return;
        }
        InitWatchdog initDog = InitWatchdog.start(settings.timeout(), fatal);
        String[] args = MPI.Init(rawArgs);
        initDog.done();
        MpiEngine engine = new MpiEngine(MPI.COMM_WORLD, settings, fatal);
        int code = 0;
        if (rank != 0) {
            try {
                engine.serve();
            } catch (RuntimeException | Error e) {
                fatal.fatal(ProgramRunner.describeFatal("internal error on rank " + rank, e));
            }
        } else {
            if (tag) {
                System.setOut(TaggedOutput.tagged(console, TaggedOutput.OUT));
                System.setErr(TaggedOutput.tagged(console, TaggedOutput.ERR));
            }
            if (badOptions != null) {
                code = ProgramRunner.report(badOptions, System.err);
                engine.close(); // releases the serving ranks
            } else {
                code = ProgramRunner.run(engine, program, args, options, programIdentity, System.err);
            }
            System.out.flush();
            System.err.flush();
            if (tag) { // MPJ's own messages at Finalize stay untagged (bin/rankexec drops them)
                System.setOut(console);
                System.setErr(console);
            }
        }
        // The exit code goes out before Finalize: the result is complete, and Finalize can hang on a
        // peer that is gone (a node cut off after its last chunk); bin/rankexec then ends mpjrun
        // after its grace period instead of waiting for a code that never comes.
        if (tag) TaggedOutput.exit(console, code);
        MPI.Finalize();
    }

    /** Ends every rank with exit code 3 and one line: the job cannot complete. */
    static MpiEngine.FatalHandler fatalHandler(int rank, boolean tag, PrintStream console) {
        return message -> {
            if (rank == 0) {
                System.err.println("rankexec: error: " + message);
                System.err.flush();
                if (tag) TaggedOutput.exit(console, Rankexec.MPI_FAILURE);
            } else {
                System.err.println("rankexec: error: rank " + rank + ": " + message);
                System.err.flush();
            }
            Runtime.getRuntime().halt(Rankexec.MPI_FAILURE);
        };
    }
}
