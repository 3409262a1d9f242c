package io.rankexec.mpi;

import io.rankexec.core.cli.CliApp;
import io.rankexec.core.cli.EngineProvider;

/**
 * The rankexec command line on any engine. Started by MPJ Express's mpjrun (bin/rankexec
 * --ranks N) it runs under MPI, every rank the same command, rank 0 printing; started by plain
 * {@code java} it runs on the local thread engine.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        launch(args, CliApp::run);
    }

    /**
     * Runs {@code program} under MPI when started by mpjrun, else locally and exits with its code.
     * Under MPI the exit code travels to bin/rankexec as a tagged line (see {@link TaggedOutput}):
     * a rank must not call System.exit, as under the multicore device it would end all ranks.
     */
    public static void launch(String[] args, Program program) {
        if (MpjLaunch.isMpjStart(args)) {
            MpiMain.run(args, program); // separate class: mpj.jar is only on the class path under mpjrun
            return;
        }
        int code = program.run(args, EngineProvider.local(), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
