package io.rankexec.kernels.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.runif.RunifKernel;
import io.rankexec.core.job.JobSettings;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runif", mixinStandardHelpOptions = true,
        description = {"Uniform streams per task (rxExec(runif, 500, timesToRun=5, RNGkind=\"MT2203\", RNGseed=14)).",
                "One line per task: its first values, the mean and a checksum of all values."})
final class RunifCommand extends KernelCommand {

    @Option(names = "--n", paramLabel = "N", description = "Uniforms per task (default: ${DEFAULT-VALUE}).")
    long n = 500;

    @Option(names = "--times", paramLabel = "N", description = "Tasks, as rxExec's timesToRun (default: ${DEFAULT-VALUE}).")
    int times = 5;

    @Option(names = "--show", paramLabel = "N", description = "Leading values printed per task (default: ${DEFAULT-VALUE}).")
    int show = 3;

    @Override
    void prepare() {
        atLeast("--n", n, 1);
        atLeast("--times", times, 1);
        // --show >= 0 is checked by RunifKernel
    }

    @Override
    void execute(Engine engine, JobSettings settings) {
        List<RunifKernel.TaskSummary> tasks = RunifKernel.run(engine, n, times, show, settings);
        out().println(fmt("runif n=%d times=%d %s", n, times, provenance(settings)));
        for (RunifKernel.TaskSummary t : tasks) {
            StringBuilder line = new StringBuilder(fmt("task %d:", t.task()));
            for (double v : t.first()) line.append(fmt(" %.7f", v));
            if (t.first().length < n) line.append(" ...");
            line.append(fmt(" mean=%.6f checksum=%016x", t.mean(), t.checksum()));
            out().println(line);
        }
    }
}
