package io.rankexec.core.job;

import io.rankexec.core.spi.MpiLauncher;
import io.rankexec.core.spi.MpjLaunch;
import io.rankexec.core.spi.ProgramRunner;
import java.io.PrintStream;
import java.util.ServiceLoader;

/**
 * The entry point for your own simulation. Call it from {@code main}:
 * <pre>{@code
 * public static void main(String[] args) {
 *     Rankexec.main(args, (engine, myArgs) -> {
 *         List<Double> x = engine.repeat(400, ctx -> simulate(ctx.rng()));
 *         System.out.println("mean " + mean(x));
 *     });
 * }
 * }</pre>
 * It picks the engine from how the process was started: under MPJ Express's mpjrun (or
 * {@code bin/rankexec --ranks N}) the program runs on rank 0 only and the other ranks serve its
 * jobs' chunks (they never run the program, so nothing there can be mistaken for a result); under
 * plain {@code java} it runs on local threads. rankexec's global options ({@link GlobalOptions}:
 * seed, generator, chunk size, threads, checkpoint, ...) come from {@code bin/rankexec} or the
 * {@code rankexec.options} property, never from {@code args}: the program gets its own arguments
 * untouched. Exit codes: {@link #OK}, {@link #FAILED}, {@link #USAGE}, {@link #MPI_FAILURE}.
 */
public final class Rankexec {
    private Rankexec() { }

    /** Every job completed. */
    public static final int OK = 0;
    /** A job did not complete (failed tasks, stopped, cancelled) or the program threw. */
    public static final int FAILED = 1;
    /** A usage or input error: one line on stderr. */
    public static final int USAGE = 2;
    /** An MPI rank or mpjrun died: the job could not complete (journaled chunks survive). */
    public static final int MPI_FAILURE = 3;

    /** Runs {@code program} on the engine this process was started for, then exits with its code. */
    public static void main(String[] args, Program program) {
        String mainClass = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getName();
        ProgramRunner.installOutOfMemoryHandler();
        if (MpjLaunch.isMpjStart(args)) {
            mpiLauncher().run(args, program, mainClass); // reports its exit code itself
            return;
        }
        int code;
        try {
            code = runLocally(args, program, GlobalOptions.fromEnvironment(), mainClass, System.err);
        } catch (UsageException e) { // bad global options
            code = ProgramRunner.report(e, System.err);
        }
        System.out.flush();
        System.exit(code);
    }

    /** Runs {@code program} on local threads with {@code options}; returns the exit code (does not exit). */
    public static int runLocally(String[] args, Program program, GlobalOptions options, String programIdentity, PrintStream err) {
        LocalEngine engine = options.threads() > 0 ? new LocalEngine(options.threads()) : new LocalEngine();
        return ProgramRunner.run(engine, program, args, options, programIdentity, err);
    }

    /**
     * The global options of the program running in this process (rank 0 under MPI), e.g. for
     * {@code --output DIR}; the defaults outside {@link #main}.
     */
    public static GlobalOptions options() {
        return ProgramRunner.currentOptions();
    }

    /**
     * Ends the program with {@code code} (use instead of System.exit, which under MPI would end
     * every rank at once): jobs are closed, the serving ranks released, then the process exits.
     * Never returns.
     */
    public static void exit(int code) {
        throw new ProgramRunner.ExitRequest(code);
    }

    private static MpiLauncher mpiLauncher() {
        for (MpiLauncher l : ServiceLoader.load(MpiLauncher.class, Rankexec.class.getClassLoader())) return l;
        System.err.println("rankexec: error: started by mpjrun, but rankexec-mpi is not on the class path (add its jar to -cp)");
        System.err.flush();
        Runtime.getRuntime().halt(USAGE);
        return null;
    }
}
