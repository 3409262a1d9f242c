package io.rankexec.bench.compare;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansKernel;
import io.rankexec.kernels.support.CsvMatrixReader;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.core.job.JobSettings;
import java.nio.file.Path;

/**
 * rankexec's side of bench/compare/kmeans.sh: the k-means kernel (NSTART Hartigan-Wong restarts,
 * best total within-SS wins) as a job on the local engine with THREADS threads, on the CSV data R
 * wrote. Timed once, end to end from a cold JVM (JIT warm-up included), like the single R call.
 * Usage: KmeansSide DATA_CSV K ITER_MAX NSTART THREADS
 */
public final class KmeansSide {

    private KmeansSide() {
    }

    public static void main(String[] args) {
        Timing.requireArgs(args, 5, "KmeansSide DATA_CSV K ITER_MAX NSTART THREADS");
        DataMatrix data = CsvMatrixReader.read(Path.of(args[0]));
        int k = Timing.positiveInt(args, 1, "K");
        int iterMax = Timing.positiveInt(args, 2, "ITER_MAX");
        int nstart = Timing.positiveInt(args, 3, "NSTART");
        int threads = Timing.positiveInt(args, 4, "THREADS");

        try (LocalEngine engine = new LocalEngine(threads)) {
            Timing.Timed<KMeansKernel.Result> run = Timing.time(() -> KMeansKernel.run(engine, data, k, iterMax,
                    nstart, KMeans.Algorithm.HARTIGAN_WONG, JobSettings.DEFAULTS));
            KMeansKernel.Result r = run.value();
            Timing.print("algorithm", "KMeansKernel Hartigan-Wong on " + engine.name());
            Timing.print("data", data.rows() + "x" + data.cols());
            Timing.print("nstart", r.restarts());
            Timing.print("converged_restarts", r.convergedRestarts());
            Timing.printSeconds("seconds", run.seconds());
            System.out.printf("best_tot_withinss=%.6f%n", r.best().totalWithinSS());
            Timing.print("best_restart", r.best().restart());
            Timing.print("iterations_of_best", r.best().iterations());
        }
    }
}
