package io.rankexec.kernels.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rankexec KERNEL}: the built-in kernels. Global options are rankexec's, given before the kernel name. */
@Command(name = "rankexec", mixinStandardHelpOptions = true, version = "rankexec 0.1.0",
        synopsisHeading = "Usage: bin/rankexec [--ranks N] [--device multicore|niodev] [--machines F] [GLOBAL OPTIONS] KERNEL [KERNEL OPTIONS]%n",
        customSynopsis = "",
        description = "Runs a simulation kernel as a parallel job with reproducible per-task random streams.",
        subcommands = {DiceCommand.class, BirthdayCommand.class, MandelbrotCommand.class, KMeansCommand.class,
                BootstrapCommand.class, PoissonCommand.class, PiCommand.class, RunifCommand.class},
        footer = {"", "Global options (before the kernel name):", GlobalOptions.HELP, "",
                "Your own program: bin/rankexec [--ranks N] [GLOBAL OPTIONS] --class-path CP MAIN_CLASS [ARGS...]", "",
                "Results are bit-identical for a given --seed whatever --threads, --ranks, --chunk-size or --schedule.",
                "Exit codes: 0 ok, 1 job or output failure, 2 usage or input error."})
final class RootCommand implements Callable<Integer> {

    static final List<String> KERNELS = List.of("dice", "birthday", "mandelbrot", "kmeans", "bootstrap", "poisson", "pi", "runif");

    final Engine engine;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    RootCommand(Engine engine, PrintStream out, PrintStream err) {
        this.engine = engine;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("rankexec: error: no kernel given (kernels: " + String.join(", ", KERNELS) + "; see rankexec --help)");
        return CliApp.USAGE;
    }
}
