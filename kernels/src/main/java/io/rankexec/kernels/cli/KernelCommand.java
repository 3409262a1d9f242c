package io.rankexec.kernels.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSettings;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.UsageException;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Shared flow of every kernel command: validate its options, run the job on the engine the
 * program was given (global options already applied), print results, write files and the time line.
 */
abstract class KernelCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    /** Checks this kernel's options and reads its inputs; throws UsageException naming the option. */
    abstract void prepare();

    /** Runs the job, prints the results and writes the output files. */
    abstract void execute(Engine engine, JobSettings settings) throws IOException;

    @Override
    public final Integer call() throws IOException {
        prepare();
        Engine engine = root.engine;
        long start = System.nanoTime();
        execute(engine, engine.settings());
        double seconds = (System.nanoTime() - start) / 1e9;
        out().println(String.format(Locale.ROOT, "time: %.3f s (%s)", seconds, engine.name()));
        return CliApp.OK;
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
        Path dir = Rankexec.options().output();
        if (dir == null) return null;
        Files.createDirectories(dir);
        return dir.resolve(name);
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
