package io.rankexec.kernels.cli;

import io.rankexec.core.job.UsageException;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.pi.PiKernel;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pi", mixinStandardHelpOptions = true,
        description = "Monte Carlo pi (the doRedis example): fraction of uniform points in the quarter circle.")
final class PiCommand extends KernelCommand {

    @Option(names = "--samples", paramLabel = "N", description = "Points in total (default: ${DEFAULT-VALUE}).")
    long samples = 100_000_000L;

    @Option(names = "--tasks", paramLabel = "N", description = "Tasks the points are split over (default: ${DEFAULT-VALUE}).")
    int tasks = 100;

    @Override
    void prepare() {
        atLeast("--samples", samples, 1);
        atLeast("--tasks", tasks, 1);
        if (tasks > samples) throw new UsageException("--tasks " + tasks + " exceeds --samples " + samples);
    }

    @Override
    void execute(Engine engine, JobSettings settings) {
        PiKernel.Result r = PiKernel.run(engine, samples, tasks, settings);
        out().println(fmt("pi %.7f ± %.7f (samples=%d, inside=%d, error=%.2e, %s)", r.estimate(), r.standardError(),
                r.samples(), r.inside(), r.estimate() - Math.PI, settings.describe()));
    }
}
