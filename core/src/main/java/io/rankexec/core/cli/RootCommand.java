package io.rankexec.core.cli;

import io.rankexec.core.job.Scheduling;
import io.rankexec.core.kernels.support.JobSettings;
import io.rankexec.rng.RngKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rankexec} and its global options (given before the kernel name). */
@Command(name = "rankexec", mixinStandardHelpOptions = true, version = "rankexec 0.1.0",
        description = "Runs a simulation kernel as a parallel job with reproducible per-task random streams.",
        subcommands = {DiceCommand.class, BirthdayCommand.class, MandelbrotCommand.class, KMeansCommand.class,
                BootstrapCommand.class, PoissonCommand.class, PiCommand.class, RunifCommand.class},
        footer = {"", "Results are bit-identical for a given --seed whatever --threads, --ranks, --chunk-size or --schedule.",
                "Exit codes: 0 ok, 1 job or output failure, 2 usage or input error."})
final class RootCommand implements Callable<Integer> {

    static final List<String> KERNELS = List.of("dice", "birthday", "mandelbrot", "kmeans", "bootstrap", "poisson", "pi", "runif");

    final EngineProvider engines;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(scope = ScopeType.INHERIT, names = "--seed", paramLabel = "N", description = "Seed of the random streams (default: ${DEFAULT-VALUE}).")
    long seed = JobSettings.DEFAULT_SEED;

    @Option(scope = ScopeType.INHERIT, names = "--rng", paramLabel = "KIND", description = "Generator family: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RngKind rng = RngKind.MRG32K3A;

    @Option(scope = ScopeType.INHERIT, names = "--chunk-size", paramLabel = "N", description = "Tasks per chunk (default: chosen by the engine).")
    Integer chunkSize;

    @Option(scope = ScopeType.INHERIT, names = "--schedule", paramLabel = "MODE", description = "static or dynamic (default: ${DEFAULT-VALUE}).")
    Scheduling schedule = Scheduling.DYNAMIC;

    @Option(scope = ScopeType.INHERIT, names = "--threads", paramLabel = "N", description = "Worker threads per process (default: one per processor).")
    Integer threads;

    @Option(scope = ScopeType.INHERIT, names = "--ranks", paramLabel = "N", description = "MPI ranks (read by bin/rankexec); without MPI: worker threads.")
    Integer ranks;

    @Option(scope = ScopeType.INHERIT, names = "--checkpoint", paramLabel = "DIR", description = "Journal finished chunks in DIR.")
    Path checkpoint;

    @Option(scope = ScopeType.INHERIT, names = "--resume", description = "Resume from the --checkpoint journal, recomputing only unfinished chunks.")
    boolean resume;

    @Option(scope = ScopeType.INHERIT, names = "--task-timeout", paramLabel = "TIME", converter = Converters.DurationConverter.class,
            description = "Per-task time limit, e.g. 30 (seconds), 500ms, 2m.")
    java.time.Duration taskTimeout;

    @Option(scope = ScopeType.INHERIT, names = "--stop-on-failure", description = "Stop the job at the first failed task (default: continue and report).")
    boolean stopOnFailure;

    @Option(scope = ScopeType.INHERIT, names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(scope = ScopeType.INHERIT, names = "--output", paramLabel = "DIR", description = "Directory for CSV, PNG and binary outputs (created if missing).")
    Path output;

    RootCommand(EngineProvider engines, PrintStream out, PrintStream err) {
        this.engines = engines;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("rankexec: error: no kernel given (kernels: " + String.join(", ", KERNELS) + "; see rankexec --help)");
        return CliApp.USAGE;
    }

    /** Checks the global options once the kernel is known (errors name the option). */
    void validate() {
        if (chunkSize != null && chunkSize < 1) throw new UsageException("--chunk-size must be >= 1, got " + chunkSize);
        if (threads != null && threads < 1) throw new UsageException("--threads must be >= 1, got " + threads);
        if (ranks != null && ranks < 1) throw new UsageException("--ranks must be >= 1, got " + ranks);
        if (resume && checkpoint == null) throw new UsageException("--resume needs --checkpoint DIR");
        if (seed < 0 || seed > 0xFFFF_FFFFL) throw new UsageException("--seed must be in [0, 4294967295], got " + seed);
        if (checkpoint != null && java.nio.file.Files.exists(checkpoint) && !java.nio.file.Files.isDirectory(checkpoint))
            throw new UsageException("--checkpoint " + checkpoint + " is not a directory");
        if (output != null && java.nio.file.Files.exists(output) && !java.nio.file.Files.isDirectory(output))
            throw new UsageException("--output " + output + " is not a directory");
    }

    EngineOptions engineOptions() {
        return new EngineOptions(threads == null ? 0 : threads, ranks == null ? 0 : ranks, quiet);
    }
}
