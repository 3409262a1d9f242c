package io.rankexec.kernels.examples;

import static io.rankexec.kernels.examples.SeedExamples.assertWithinSigmas;
import static io.rankexec.kernels.examples.SeedExamples.run;
import static io.rankexec.kernels.examples.SeedExamples.runList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.kernels.bootstrap.Bootstrap;
import io.rankexec.kernels.bootstrap.IrisData;
import io.rankexec.kernels.bootstrap.Statistic;
import io.rankexec.kernels.bootstrap.Statistics;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.core.progress.ProgressListener;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.Mt2203;
import io.rankexec.rng.RngKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code example of seeds/doRedis-vignette.txt run on the LocalEngine; Redis-specific
 * machinery (queues, worker pools, getTask, tags) has no counterpart and is explained in
 * docs/seed-examples.md.
 */
class SeedExamplesDoRedisTest {

    /** One task of Listing 1: {@code 4*sum((runif(1000000)^2 + runif(1000000)^2) < 1)/10000000}. */
    static double piTask(BlockRandom rng) {
        double[] u1 = new double[1_000_000], u2 = new double[1_000_000];
        rng.fill(u1, 0, u1.length); // R evaluates the first runif(1000000) before the second
        rng.fill(u2, 0, u2.length);
        long inside = 0;
        for (int i = 0; i < u1.length; i++) if (u1[i] * u1[i] + u2[i] * u2[i] < 1) inside++;
        return 4.0 * inside / 10_000_000;
    }

    /**
     * Listing 1: {@code foreach(icount(10), .combine=sum, .multicombine=TRUE, .inorder=FALSE) %dopar%
     * 4*sum(...)/10000000} ~ 3.144. {@code .inorder=FALSE} is an as-arrived fold; the in-order fold
     * of the same tasks is bit-identical for any thread count and differs from it only by rounding.
     */
    @Test
    void doRedis_monteCarloPi_combineSum_inorderFalse_nearPi() {
        JobSpec.Builder<Void, Double> b = JobSpec.timesToRun(10, ctx -> piTask(ctx.rng())).chunkSize(1);
        double asArrived = run(2, b.build(), Combiner.asArrived(() -> 0.0, Double::sum));
        double p = Math.PI / 4, se = 4 * Math.sqrt(p * (1 - p) / 10_000_000);
        assertWithinSigmas(Math.PI, asArrived, se, 5, "pi");

        Combiner<Double, Double> inOrder = Combiner.inOrder(() -> 0.0, Double::sum);
        double one = run(1, b.build(), inOrder), two = run(2, b.chunkSize(3).build(), inOrder);
        assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(two));
        assertEquals(one, asArrived, 1e-12);
    }

    /**
     * Listing 2 (fault tolerance): {@code foreach(j=1:4, .combine=sum, .options.redis=list(chunkSize=2))}
     * where the first workers die. rankexec's local engine has no worker processes to lose; the
     * equivalent guarantee is the checkpoint: a run whose chunk {1,2} is lost is rerun with resume,
     * recomputes only that chunk, and gives sum 10.
     */
    @Test
    void doRedis_faultTolerance_lostChunkRecomputedOnResume_sum10(@TempDir Path dir) {
        AtomicBoolean crashing = new AtomicBoolean(true);
        List<Integer> js = List.of(1, 2, 3, 4);
        JobSpec.Builder<Integer, Integer> b = JobSpec.<Integer, Integer>overElements(js, (ctx, j) -> {
            if (j <= 2 && crashing.get()) throw new IllegalStateException("worker quit (simulated crash)");
            return j;
        }).chunkSize(2).identity("doRedis listing 2");
        Combiner<Integer, Integer> sum = Combiner.inOrder(() -> 0, Integer::sum);
        try (LocalEngine engine = new LocalEngine(2)) {
            JobResult<Integer> first = engine.run(b.checkpoint(dir, false).build(), sum);
            assertEquals(List.of(0, 1), first.failures().stream().map(TaskFailure::taskIndex).toList());
            assertEquals(7, first.value());
            crashing.set(false);
            JobResult<Integer> resumed = engine.run(b.checkpoint(dir, true).build(), sum);
            assertEquals(10, resumed.valueOrThrow());
            assertEquals(2, resumed.tasksFromCheckpoint(), "only the lost chunk is recomputed");
        }
    }

    /**
     * Listing 3: {@code x <- iris[which(iris[,5] != "setosa"), c(1,5)]; setChunkSize(100);
     * foreach(icount(trials), .combine=cbind, .inorder=FALSE) %dopar% coefficients(glm(x[ind,2] ~
     * x[ind,1], family=binomial(logit)))} with trials = 2000. Each replicate writes its own column,
     * so the as-arrived cbind is reproducible; the progress listener plays the Redis "count" key.
     */
    @Test
    void doRedis_bootstrapIrisLogit_combineCbind_inorderFalse_progressCount() {
        DataMatrix x = IrisData.sepalLengthVsVirginica();
        Statistic glm = Statistics.logisticRegression(1);
        // R 4.2: coefficients(glm(x[,2] ~ x[,1], family=binomial(logit))) on the full data
        assertArrayEquals(new double[] {-12.57078334106519, 2.01292699973386}, glm.onFullData(x), 1e-8);

        int trials = 2000;
        List<Integer> count = new ArrayList<>(); // the Redis "count" key, one reading per finished chunk
        ProgressListener redisCount = p -> count.add(p.tasksDone());
        JobSpec.Builder<Void, double[]> b = JobSpec.<double[]>timesToRun(trials,
                        ctx -> Bootstrap.replicate(ctx.rng(), ctx.shared("x", DataMatrix.class), glm))
                .share("x", x).chunkSize(100);
        Combiner<double[], double[][]> cbind = Combiner.of(Combiner.Order.AS_ARRIVED, () -> new double[2][trials],
                (double[][] r, double[] coef, int i) -> {
                    r[0][i] = coef[0];
                    r[1][i] = coef[1];
                    return r;
                });
        double[][] r = run(2, b.progress(redisCount).build(), cbind);
        assertEquals(trials / 100, count.size());
        for (int i = 1; i < count.size(); i++) assertTrue(count.get(i) > count.get(i - 1), count.toString());
        assertEquals(trials, count.get(count.size() - 1));
        assertArrayEquals(r[1], run(1, b.progress(null).build(), cbind)[1], 0.0);

        double mean = IntStream.range(0, trials).mapToDouble(i -> r[1][i]).average().orElseThrow();
        double sd = Math.sqrt(IntStream.range(0, trials).mapToDouble(i -> (r[1][i] - mean) * (r[1][i] - mean)).sum() / (trials - 1));
        // R's asymptotic standard error of the slope is 0.4654; the bootstrap SD estimates the same quantity
        assertEquals(0.4654331338, sd, 0.25 * 0.4654331338);
        assertEquals(2.01292699973386, mean, 0.2);
    }

    /**
     * Listing 6 ({@code bootForEach}): R - 1 resamples split into {@code chunks} tasks (the last
     * takes the remainder), {@code .init=binit} (one replicate computed locally), {@code .combine=combo}
     * rbind-ing the t matrices, {@code .multicombine=TRUE}. Here: statistic = mean Sepal.Length,
     * R = 1000, chunks = 4; t has R rows and the bootstrap SE is the plug-in SE of a mean.
     */
    @Test
    void doRedis_bootForEach_chunks4_initAndCombo_standardErrorOfMean() {
        double[] sepal = IrisData.sepalLengthVsVirginica().column(0);
        DataMatrix data = new DataMatrix(sepal.length, 1, sepal);
        Statistic statistic = Statistics.columnMeans();
        int bigR = 1000, chunks = 4, rm1 = bigR - 1, rb = rm1 / chunks;

        List<double[]> binit = new ArrayList<>(List.of(Bootstrap.replicate(new Mt2203(2024, 6023), data, statistic)));
        JobSpec<Integer, List<double[]>> spec = JobSpec.overElements(IntStream.rangeClosed(1, chunks).boxed().toList(), (ctx, j) -> {
            int n = j == chunks ? rb + rm1 % chunks : rb; // if (j == chunks) RB <- RB + Rm1 %% chunks
            List<double[]> t = new ArrayList<>(n);
            for (int k = 0; k < n; k++) t.add(Bootstrap.replicate(ctx.rng(), ctx.shared("data", DataMatrix.class), statistic));
            return t;
        }).share("data", data).rng(RngKind.MT2203, 2024).build();
        Combiner<List<double[]>, List<double[]>> combo = Combiner.inOrder(() -> new ArrayList<>(binit), (List<double[]> out, List<double[]> t) -> {
            out.addAll(t); // out$t <- do.call("rbind", t)
            return out;
        });
        List<double[]> t = run(2, spec, combo);
        assertEquals(bigR, t.size());

        int n = sepal.length;
        double m = IntStream.range(0, n).mapToDouble(i -> sepal[i]).average().orElseThrow();
        double plugInSe = Math.sqrt(IntStream.range(0, n).mapToDouble(i -> (sepal[i] - m) * (sepal[i] - m)).sum() / n) / Math.sqrt(n);
        double tm = t.stream().mapToDouble(v -> v[0]).average().orElseThrow();
        double bootSe = Math.sqrt(t.stream().mapToDouble(v -> (v[0] - tm) * (v[0] - tm)).sum() / (bigR - 1));
        assertEquals(plugInSe, bootSe, 0.1 * plugInSe); // relative SE of an SD from 1000 replicates ~ 2.2%
    }

    /**
     * Listing 7: {@code foreach(j=1:5, .combine="c") %dopar% runif(1)} gives 5 different numbers
     * (here: each task's own stream, the same on 1 or 5 threads); with {@code set.seed.worker <-
     * function(n) set.seed(55)} every task starts the same generator and all 5 are equal.
     */
    @Test
    void doRedis_rngSeeds_ownStreamPerTask_or_sameSeedEverywhere() {
        JobSpec<Integer, Double> own = JobSpec.overElements(List.of(1, 2, 3, 4, 5), (ctx, j) -> ctx.rng().nextDouble()).build();
        List<Double> five = runList(5, own);
        assertEquals(five, runList(1, own));
        assertEquals(5, new HashSet<>(five).size());
        for (double u : five) assertTrue(u >= 0 && u < 1);

        JobSpec<Integer, Double> sameSeed = JobSpec.overElements(List.of(1, 2, 3, 4, 5),
                (ctx, j) -> new Mt2203(55, 0).nextDouble()).build(); // set.seed.worker: the task makes its own generator
        List<Double> same = runList(5, sameSeed);
        assertEquals(1, new HashSet<>(same).size());
        assertNotEquals(five.get(0), same.get(0));
    }

    /**
     * Listing 8: a matrix too big to export is split into A1 (rows 1-5) and A2 (rows 6-10), each
     * stored once; task j fetches only "A" + j: {@code foreach(j=1:2, .combine=c) %dopar%
     * sum(redisGet(sprintf("A%d", j)))}. Shared objects play the Redis keys; asking for one that
     * does not exist fails that task with a message naming it.
     */
    @Test
    void doRedis_explicitChunks_sharedObjectsA1A2_sums() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] a = new double[10][10];
        for (double[] row : a) for (int j = 0; j < 10; j++) row[j] = SeedFunctions.gaussian(r);
        double[][] a1 = java.util.Arrays.copyOfRange(a, 0, 5), a2 = java.util.Arrays.copyOfRange(a, 5, 10);

        JobSpec<Integer, Double> spec = JobSpec.overElements(List.of(1, 2, 3), (ctx, j) -> {
            double[][] mychunk = ctx.shared(String.format("A%d", j), double[][].class);
            double s = 0;
            for (double[] row : mychunk) for (double v : row) s += v;
            return s;
        }).share("A1", a1).share("A2", a2).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobResult<List<Double>> ans = engine.run(spec);
            double s1 = 0, s2 = 0;
            for (int i = 0; i < 5; i++) for (int j = 0; j < 10; j++) {
                s1 += a[i][j];
                s2 += a[i + 5][j];
            }
            assertEquals(s1, ans.value().get(0), 0.0);
            assertEquals(s2, ans.value().get(1), 0.0);
            assertEquals(JobStatus.COMPLETED_WITH_FAILURES, ans.status());
            assertEquals(1, ans.failures().size());
            TaskFailure missing = ans.failures().get(0);
            assertEquals(2, missing.taskIndex());
            assertTrue(missing.message().contains("A3"), missing.message());
        }
    }
}
