package io.rankexec.kernels.examples;

import static io.rankexec.kernels.examples.SeedExamples.runList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.JobFailedException;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.core.progress.Progress;
import io.rankexec.core.progress.ProgressListener;
import io.rankexec.rng.Mrg32k3a;
import io.rankexec.rng.RngKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The examples of seeds/doFuture-dofuture.txt ("%dofuture% - a better foreach() parallelization
 * operator"): element loops with exported globals, chunking and load balancing, parallel RNG with
 * {@code seed = TRUE}, errors relayed as-is, progress. See docs/seed-examples.md.
 */
class SeedExamplesDoFutureTest {

    /** A stand-in for the post's {@code slow_fcn}: deterministic, per-element work. */
    static final DoubleUnaryOperator SLOW_FCN = x -> {
        double s = 0;
        for (int k = 1; k <= 2000; k++) s += Math.sin(k * x) / k;
        return s;
    };

    private static List<Double> rnorm(int n, long seed) {
        Random r = new Random(seed);
        List<Double> xs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) xs.add(r.nextGaussian());
        return xs;
    }

    /**
     * {@code xs <- rnorm(1000); y <- foreach(x = xs, .export = "slow_fcn") %dofuture% slow_fcn(x)}:
     * the Java closure is the export; y[i] = slow_fcn(xs[i]) in element order.
     */
    @Test
    void doFuture_foreachOverXs_exportSlowFcn_resultsInElementOrder() {
        List<Double> xs = rnorm(1000, 42);
        List<Double> y = runList(2, JobSpec.overElements(xs, (ctx, x) -> SLOW_FCN.applyAsDouble(x)).build());
        assertEquals(1000, y.size());
        for (int i = 0; i < 1000; i++) assertEquals(SLOW_FCN.applyAsDouble(xs.get(i)), y.get(i), 0.0);
    }

    /**
     * Chunking and load balancing ({@code .options.future = list(chunk.size = ...)}, doParallel's
     * {@code preschedule}, doMPI's {@code chunkSize}): one option set for every engine. Static
     * (prescheduled, uniform chunks) and dynamic (on-the-fly) scheduling with single-element or
     * larger chunks all return the same list.
     */
    @Test
    void doFuture_chunkingAndLoadBalancing_sameResultForEveryStrategy() {
        List<Double> xs = rnorm(1000, 7);
        JobSpec.Builder<Double, Double> b = JobSpec.overElements(xs, (ctx, x) -> SLOW_FCN.applyAsDouble(x));
        List<Double> reference = runList(1, b.build());
        for (Scheduling s : Scheduling.values())
            for (int chunk : new int[] {1, 125, 1000})
                assertEquals(reference, runList(3, b.scheduling(s).chunkSize(chunk).build()), s + " chunk " + chunk);
    }

    /**
     * {@code y <- foreach(ii = 1:4, .options.future = list(seed = TRUE)) %dofuture% runif(3)}: no
     * "UNRELIABLE VALUE" warning is possible because every task always has its own MRG32k3a
     * (L'Ecuyer-CMRG) stream, task i = stream i (i jumps of 2^127, R's nextRNGStream), and the
     * values do not depend on the number of workers or the chunking.
     */
    @Test
    void doFuture_seedTrue_ownStreamPerIteration_independentOfWorkers() {
        JobSpec.Builder<Integer, double[]> b = JobSpec.<Integer, double[]>overElements(List.of(1, 2, 3, 4), (ctx, ii) -> {
            double[] u = new double[3];
            ctx.rng().fill(u, 0, 3);
            return u;
        }).rng(RngKind.MRG32K3A, 42);
        List<double[]> one = runList(1, b.build());
        List<double[]> three = runList(3, b.chunkSize(1).build());
        Mrg32k3a stream = new Mrg32k3a(42); // MKL's vslNewStream(MRG32K3A, 42)
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(one.get(i), three.get(i), 0.0);
            double[] expected = new double[3];
            stream.copy().fill(expected, 0, 3);
            assertArrayEquals(expected, one.get(i), 0.0, "iteration " + (i + 1));
            stream.nextStream();
        }
    }

    /**
     * The same loop bit-for-bit as doFuture computes it with {@code seed = 42L}: future seeds
     * iteration ii with {@code nextRNGSubStream(s)} where s is {@code set.seed(42,
     * kind="L'Ecuyer-CMRG")}'s state advanced by ii-1 {@code nextRNGStream} calls. A task can build
     * that stream itself; the expected numbers are R 4.2's:
     * <pre>library(parallel); set.seed(42, kind="L'Ecuyer-CMRG"); s &lt;- .Random.seed
     * for (ii in 1:4) { .Random.seed &lt;- nextRNGSubStream(s); print(runif(3)); s &lt;- nextRNGStream(s) }</pre>
     */
    @Test
    void doFuture_seed42_reproducedBitForBitWithFuturesStreams() {
        double[][] r = {
            {0.48943377235024815, 0.6661948935521157, 0.041600951844127383},
            {0.99454600174575314, 0.67054644447603751, 0.27004319875710303},
            {0.017542909516237021, 0.74689938066412498, 0.096062454623400836},
            {0.72233941737716068, 0.57486885822674327, 0.94748576383037475}};
        List<double[]> y = runList(2, JobSpec.<Integer, double[]>overElements(List.of(1, 2, 3, 4), (ctx, ii) -> {
            Mrg32k3a g = Mrg32k3a.fromRSeed(42);
            for (int k = 1; k < ii; k++) g.nextStream();
            g.nextSubstream();
            return new double[] {g.nextRDouble(), g.nextRDouble(), g.nextRDouble()};
        }).chunkSize(1).build());
        for (int i = 0; i < 4; i++) assertArrayEquals(r[i], y.get(i), 0.0, "iteration " + (i + 1));
    }

    /**
     * Errors are relayed as-is ({@code tryCatch} around the loop): the failing iteration's exception
     * class and message reach the caller, and the one-line message names the iteration.
     */
    @Test
    void doFuture_errorRelayed_classMessageAndIteration() {
        JobSpec<Integer, Double> spec = JobSpec.<Integer, Double>overElements(List.of(1, 2, 3, 4), (ctx, x) -> {
            if (x == 3) throw new IllegalArgumentException("log(-1): NaNs produced");
            return Math.log(x);
        }).continueOnFailure(false).chunkSize(1).build();
        try (LocalEngine engine = new LocalEngine(1)) {
            JobResult<List<Double>> r = engine.run(spec);
            assertEquals(JobStatus.FAILED, r.status());
            assertEquals(new TaskFailure(2, "java.lang.IllegalArgumentException", "log(-1): NaNs produced"), r.failures().get(0));
            JobFailedException e = assertThrows(JobFailedException.class, r::valueOrThrow);
            assertEquals("job stopped: task 2 failed: java.lang.IllegalArgumentException: log(-1): NaNs produced", e.getMessage());
        }
    }

    /** Near-live progress updates (progressr): start, monotone updates up to the total, finish. */
    @Test
    void doFuture_progressUpdates_monotoneToTotalThenFinish() {
        List<Integer> seen = new ArrayList<>();
        JobStatus[] finished = new JobStatus[1];
        ProgressListener progress = new ProgressListener() {
            @Override public void onStart(Progress p) { seen.add(-1); }
            @Override public void onUpdate(Progress p) { seen.add(p.tasksDone()); }
            @Override public void onFinish(Progress p, JobStatus status) { finished[0] = status; }
        };
        runList(2, JobSpec.overElements(rnorm(200, 3), (ctx, x) -> SLOW_FCN.applyAsDouble(x)).chunkSize(10).progress(progress).build());
        assertEquals(-1, seen.get(0));
        for (int i = 2; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), seen.toString());
        assertEquals(200, seen.get(seen.size() - 1));
        assertEquals(21, seen.size(), "one update per chunk");
        assertEquals(JobStatus.COMPLETED, finished[0]);
    }
}
