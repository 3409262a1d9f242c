package io.rankexec.core.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.core.kernels.support.JobSettings;
import io.rankexec.core.progress.ConsoleProgress;
import io.rankexec.core.progress.ProgressListener;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Shared flow of every kernel command: validate options (identically on every rank), create the
 * engine, run the job, and on the coordinator only print results, write files and the time line.
 */
abstract class KernelCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    /** Checks this kernel's options and reads its inputs; throws UsageException naming the option. */
    abstract void prepare();

    /** Tasks of the job {@link #prepare()} described. */
    abstract long taskCount();

    /** Runs the job; prints and writes only if {@code coordinator}. */
    abstract void execute(Engine engine, JobSettings settings, boolean coordinator) throws IOException;

    @Override
    public final Integer call() throws IOException {
        root.validate();
        prepare();
        // Asking for more ranks than there are tasks is a mistake on a cluster (idle allocation):
        // say so up front rather than run with ranks that can only wait.
        if (root.ranks != null && root.ranks > 1 && root.ranks > taskCount())
            throw new UsageException("--ranks " + root.ranks + " exceeds the " + taskCount()
                    + " tasks of this job: use --ranks " + Math.max(1, taskCount()) + " or fewer");
        try (Engine engine = root.engines.create(root.engineOptions())) {
            boolean coordinator = engine.isCoordinator();
            JobSettings settings = settings(coordinator);
            long start = System.nanoTime();
            execute(engine, settings, coordinator);
            if (coordinator) {
                double seconds = (System.nanoTime() - start) / 1e9;
                out().println(String.format(Locale.ROOT, "time: %.3f s (%s)", seconds, engine.name()));
            }
        }
        return CliApp.OK;
    }

    private JobSettings settings(boolean coordinator) {
        ProgressListener progress = root.quiet || !coordinator ? ProgressListener.NONE
                : new ConsoleProgress(root.err, root.err == System.err && System.console() != null, 5.0);
        // root.validate() has rejected --resume without --checkpoint
        return new JobSettings(root.rng, root.seed, root.chunkSize == null ? 0 : root.chunkSize, root.schedule,
                !root.stopOnFailure, root.taskTimeout, progress, root.checkpoint, root.resume);
    }

    PrintStream out() {
        return root.out;
    }

    /** "(seed=42, rng=MRG32K3A)" */
    String provenance(JobSettings s) {
        return "(" + s.describe() + ")";
    }

    /** Path of an output file in --output, or null when no --output was given. */
    Path outputFile(String name) throws IOException {
        if (root.output == null) return null;
        Files.createDirectories(root.output);
        return root.output.resolve(name);
    }

    void wrote(Path file) {
        out().println("wrote " + file);
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) throw new UsageException(option + " must be >= " + min + ", got " + value);
    }
}
