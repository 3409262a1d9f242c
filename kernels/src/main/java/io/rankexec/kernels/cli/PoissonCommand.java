package io.rankexec.kernels.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.poisson.PoissonKernel;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "poisson", mixinStandardHelpOptions = true,
        description = {"SimAndEstimatePoisson: simulate log-link Poisson data (b = 0, 1, 2), fit the GLM by IRLS.",
                "With --output: poisson-coefficients.csv (one row per fit)."})
final class PoissonCommand extends KernelCommand {

    @Option(names = "--nobs", paramLabel = "N", description = "Observations per simulated data set (default: ${DEFAULT-VALUE}).")
    int nobs = 50_000;

    @Option(names = "--trials", paramLabel = "N", description = "Fits per task (default: ${DEFAULT-VALUE}).")
    int trials = 10;

    @Option(names = "--times", paramLabel = "N", description = "Tasks, rxExec's timesToRun (default: ${DEFAULT-VALUE}).")
    int times = 100;

    @Override
    void prepare() {
        // --trials and the trials x times limit are checked by PoissonKernel (its messages name them)
        atLeast("--nobs", nobs, 3);
        atLeast("--times", times, 1); // before the --ranks check, which counts the tasks
    }

    @Override
    void execute(Engine engine, JobSettings settings) throws IOException {
        PoissonKernel.Result r = PoissonKernel.run(engine, nobs, trials, times, settings);
        double[] m = r.mean();
        double[] s = r.sd();
        out().println(fmt("poisson fits=%d nobs=%d mean b0=%.6f b1=%.6f b2=%.6f (true 0, 1, 2) %s", r.coefficients().length,
                nobs, m[0], m[1], m[2], provenance(settings)));
        out().println(fmt("poisson sd   b0=%.6f b1=%.6f b2=%.6f", s[0], s[1], s[2]));
        Path csv = outputFile("poisson-coefficients.csv");
        if (csv != null) {
            try (BufferedWriter w = Files.newBufferedWriter(csv)) {
                w.write("b0,b1,b2");
                w.newLine();
                for (double[] row : r.coefficients()) {
                    w.write(row[0] + "," + row[1] + "," + row[2]);
                    w.newLine();
                }
            }
            wrote(csv);
        }
    }
}
