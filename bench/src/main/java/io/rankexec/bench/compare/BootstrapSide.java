package io.rankexec.bench.compare;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.kernels.bootstrap.BootstrapKernel;
import io.rankexec.kernels.bootstrap.BootstrapSummary;
import io.rankexec.core.job.JobSettings;

/**
 * rankexec's side of bench/compare/bootstrap.sh: the bootstrap kernel on the doRedis example
 * (logistic regression of virginica on Sepal.Length, IRLS) as a job on the local engine. The
 * first run, from a cold JVM, is the figure compared with R; a second run shows the warm speed.
 * Usage: BootstrapSide REPLICATES SEED THREADS
 */
public final class BootstrapSide {

    private BootstrapSide() {
    }

    public static void main(String[] args) {
        Timing.requireArgs(args, 3, "BootstrapSide REPLICATES SEED THREADS");
        int replicates = Timing.positiveInt(args, 0, "REPLICATES");
        long seed = Long.parseLong(args[1]);
        int threads = Timing.positiveInt(args, 2, "THREADS");
        JobSettings settings = JobSettings.DEFAULTS.withSeed(seed);

        try (LocalEngine engine = new LocalEngine(threads)) {
            Timing.Timed<BootstrapKernel.Result> first = Timing.time(
                    () -> BootstrapKernel.runIrisLogistic(engine, replicates, 0.95, settings));
            Timing.Timed<BootstrapKernel.Result> warm = Timing.time(
                    () -> BootstrapKernel.runIrisLogistic(engine, replicates, 0.95, settings));
            BootstrapSummary s = first.value().summary();
            Timing.print("engine", engine.name());
            Timing.print("replicates", replicates);
            Timing.print("failed_replicates", first.value().failedReplicates().size());
            Timing.printSeconds("seconds", first.seconds());
            Timing.printSeconds("warm_seconds", warm.seconds());
            System.out.printf("us_per_replicate=%.1f%n", first.seconds() * 1e6 / replicates);
            String[] names = {"intercept", "slope"};
            for (int j = 0; j < 2; j++) {
                System.out.printf("%s_full_sample=%.6f%n", names[j], s.t0()[j]);
                System.out.printf("%s_percentile_ci=[%.4f, %.4f]%n", names[j], s.percentileLower()[j], s.percentileUpper()[j]);
                System.out.printf("%s_normal_ci=[%.4f, %.4f]%n", names[j], s.normalLower()[j], s.normalUpper()[j]);
            }
        }
    }
}
