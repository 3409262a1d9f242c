package io.rankexec.kernels.examples;

import static io.rankexec.kernels.examples.SeedExamples.assertWithinSigmas;
import static io.rankexec.kernels.examples.SeedExamples.binomialSe;
import static io.rankexec.kernels.examples.SeedExamples.exactBirthday;
import static io.rankexec.kernels.examples.SeedExamples.run;
import static io.rankexec.kernels.examples.SeedExamples.runList;
import static io.rankexec.kernels.examples.SeedExamples.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobFailedException;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotRows;
import io.rankexec.kernels.poisson.PoissonSimulation;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.Mt2203;
import io.rankexec.rng.RngKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code example of seeds/rxExec-parallel-jobs*.txt ("Running jobs in parallel using rxExec"),
 * run on the LocalEngine in its Java form; docs/seed-examples.md maps each one to its test here.
 * Test names: rxExec_&lt;example&gt;_&lt;what is checked&gt;.
 */
class SeedExamplesRxExecTest {

    private static final double WIN = 244.0 / 495.0; // exact craps win probability

    // ---------------------------------------------------------------- Playing Dice

    /** {@code z <- rxExec(playDice, timesToRun=10000, taskChunkSize=2000); table(unlist(z))} */
    @Test
    void rxExec_playDice_timesToRun10000_chunk2000_tableNearExactWinRate() {
        JobSpec<Void, String> spec = JobSpec.timesToRun(10_000, ctx -> SeedFunctions.playDice(ctx.rng()))
                .chunkSize(2000).build();
        Map<String, Long> z = run(2, spec, table());
        assertEquals(List.of("Loss", "Win"), new ArrayList<>(z.keySet()));
        assertEquals(10_000L, z.get("Loss") + z.get("Win"));
        // the seed expects ~4929 wins (and got 4913)
        assertWithinSigmas(WIN * 10_000, z.get("Win"), 10_000 * binomialSe(WIN, 10_000), 4, "wins");
    }

    // ---------------------------------------------------------------- Birthday problem

    /** {@code pbirthday(c(3,25,50))} run sequentially (one worker), 5000 tests per size. */
    @Test
    void rxExec_pbirthdaySequential_3_25_50_nearExactProbabilities() {
        List<Integer> sizes = List.of(3, 25, 50);
        List<Double> p = runList(1, JobSpec.overElements(sizes, (ctx, n) -> SeedFunctions.pbirthday(ctx.rng(), n, 5000)).build());
        for (int i = 0; i < sizes.size(); i++) {
            double exact = exactBirthday(sizes.get(i)); // 0.0082, 0.5687, 0.9704 (the seed got 0.0078 0.5710 0.9726)
            assertWithinSigmas(exact, p.get(i), binomialSe(exact, 5000), 4.5, "pbirthday(" + sizes.get(i) + ")");
        }
    }

    /** {@code z <- rxExec(pbirthday, n=rxElemArg(2:100), taskChunkSize=20); probSameBD <- unlist(z)} */
    @Test
    void rxExec_pbirthday_rxElemArg2to100_chunk20_oneResultPerSizeInOrder() {
        List<Integer> partySize = IntStream.rangeClosed(2, 100).boxed().toList();
        JobSpec<Integer, Double> spec = JobSpec.overElements(partySize, (ctx, n) -> SeedFunctions.pbirthday(ctx.rng(), n, 5000))
                .chunkSize(20).build();
        List<Double> probSameBD = runList(2, spec);
        assertEquals(99, probSameBD.size());
        for (int i = 0; i < 99; i++) {
            int n = partySize.get(i);
            double exact = exactBirthday(n);
            assertWithinSigmas(exact, probSameBD.get(i), Math.max(binomialSe(exact, 5000), 1e-4), 4.5, "party size " + n);
        }
    }

    // ---------------------------------------------------------------- Mandelbrot

    /**
     * {@code z <- rxExec(vmandelbrot, x.in, y0=rxElemArg(y.in), m, taskChunkSize=48,
     * execObjects="mandelbrot"); z <- matrix(unlist(z), ncol=240)}: x.in travels once as a shared
     * object, y.in is the element argument, the 240x240 matrix is assembled column by column.
     */
    @Test
    void rxExec_mandelbrot_rxElemArgRows_chunk48_execObjects_matrixMatchesSequential() {
        double[] xIn = SeedFunctions.seq(-2.0, 0.6, 240);
        double[] yIn = SeedFunctions.seq(-1.3, 1.3, 240);
        int m = 100;
        List<Double> y0 = new ArrayList<>();
        for (double y : yIn) y0.add(y);
        JobSpec<Double, int[]> spec = JobSpec.overElements(y0,
                        (ctx, y) -> SeedFunctions.vmandelbrot(ctx.shared("x.in", double[].class), y, m))
                .share("x.in", xIn).chunkSize(48).build();
        List<int[]> z = runList(3, spec);
        int[][] matrix = new int[240][240]; // matrix[i][j]: x.in[i], y.in[j] (R's column-major unlist)
        for (int j = 0; j < 240; j++) for (int i = 0; i < 240; i++) matrix[i][j] = z.get(j)[i];

        for (int i = 0; i < 240; i++) for (int j = 0; j < 240; j++)
            assertEquals(SeedFunctions.mandelbrot(xIn[i], yIn[j], m), matrix[i][j], "point " + i + "," + j);
        assertEquals(0, matrix[0][0], "(-2, -1.3) is outside the radius-2 disc");
        assertEquals(m, matrix[184][120], "(0.0017, 0.0054) is in the set"); // x.in[184] ~ 0.0017, y.in[120] ~ 0.0054

        // the CLI's mandelbrot kernel computes the same picture (row-major there)
        int[] kernel = MandelbrotRows.computeAll(MandelbrotGrid.standard(240, 240, m));
        int differences = 0;
        for (int j = 0; j < 240; j++) for (int i = 0; i < 240; i++) if (kernel[j * 240 + i] != matrix[i][j]) differences++;
        assertEquals(0, differences, "points that differ from the kernel");
    }

    // ---------------------------------------------------------------- k-means

    /**
     * {@code kMeansRSR(x, centers, iter.max=35, nstart=1)}: 20 kmeans fits with the data shared
     * once, the best total within-SS kept. The data are well-separated blobs, so the best of 20
     * must reach the generating partition's within-SS.
     */
    @Test
    void rxExec_kMeansRSR_20fits_bestIsMinimumAndReachesTruePartition() {
        DataMatrix x = SeedFunctions.blobs(4, 150, 5, 11);
        List<KMeansResult> results = runList(2, kMeansJob(x, 4, 35, 20, 777));
        KMeansResult best = SeedFunctions.findKmeansBest(results);
        for (KMeansResult r : results) assertTrue(best.totalWithinSS() <= r.totalWithinSS());
        double truth = SeedFunctions.blobPartitionSS(x, 4, 150);
        assertTrue(best.totalWithinSS() <= truth * (1 + 1e-9), best.totalWithinSS() + " > " + truth);
    }

    /** {@code km1 <- kMeansRSR(x, 10, 35, 20, seed=777); km2 <- ...; all.equal(km1, km2)} is TRUE, here also across thread counts. */
    @Test
    void rxExec_kMeansRSR_seed777_allEqualAcrossRunsAndThreads() {
        DataMatrix x = SeedFunctions.blobs(4, 150, 5, 11);
        KMeansResult km1 = SeedFunctions.findKmeansBest(runList(1, kMeansJob(x, 4, 35, 20, 777)));
        KMeansResult km2 = SeedFunctions.findKmeansBest(runList(3, kMeansJob(x, 4, 35, 20, 777)));
        assertEquals(km1.totalWithinSS(), km2.totalWithinSS(), 0.0);
        assertArrayEquals(km1.cluster(), km2.cluster());
        assertArrayEquals(km1.centers(), km2.centers(), 0.0);
    }

    private static JobSpec<Void, KMeansResult> kMeansJob(DataMatrix x, int centers, int iterMax, int numTimes, long seed) {
        return JobSpec.timesToRun(numTimes, ctx -> KMeans.fit(KMeans.Algorithm.HARTIGAN_WONG,
                        ctx.shared("x", DataMatrix.class), centers, iterMax, ctx.rng()))
                .share("x", x).rng(RngKind.MT2203, seed).build();
    }

    // ---------------------------------------------------------------- shared data (filterTest)

    /** data.table(tag, a, b) as column arrays; shared read-only with the tasks. */
    record TestData(char[] tag, double[] a, double[] b) implements Serializable {
        static TestData generate(int nrows, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            char[] tag = new char[nrows];
            double[] a = new double[nrows], b = new double[nrows];
            for (int i = 0; i < nrows; i++) {
                tag[i] = (char) ('A' + r.nextInt(7)); // sample(LETTERS[1:7], nrows, replace=TRUE)
                a[i] = r.nextDouble();
                b[i] = r.nextDouble();
            }
            return new TestData(tag, a, b);
        }
    }

    /** The seed's {@code filterTest(d, ztag)}: {@code sum(subset(d, tag==ztag, select=a))}. */
    static double filterTest(TestData d, char ztag) {
        double s = 0;
        for (int i = 0; i < d.tag().length; i++) if (d.tag()[i] == ztag) s += d.a()[i];
        return s;
    }

    /**
     * {@code res1 <- rxExec(filterTest, test.data, rxElemArg(tags))} (data shared once) and the
     * file-share variant {@code res2 <- rxExec(filterTest, rxElemArg(tags))} reading the data from a
     * file in each task: identical results, equal to the sequential sums.
     */
    @Test
    void rxExec_filterTest_sharedDataAndFileShare_identicalPerTagSums(@TempDir Path dir) throws IOException {
        TestData testData = TestData.generate(200_000, 5);
        List<Character> tags = new ArrayList<>(new LinkedHashSet<>(chars(testData.tag()))); // unique(test.data$tag)
        assertEquals(7, tags.size());

        List<Double> res1 = runList(2, JobSpec.overElements(tags,
                (ctx, ztag) -> filterTest(ctx.shared("test.data", TestData.class), ztag)).share("test.data", testData).build());

        Path file = dir.resolve("tmp.bin"); // saveRDS(test.data, 'c:/temp/tmp.rds')
        write(testData, file);
        List<Double> res2 = runList(2, JobSpec.overElements(tags,
                (ctx, ztag) -> filterTest(read(Path.of(ctx.shared("path", String.class))), ztag)).share("path", file.toString()).build());

        assertEquals(res1, res2); // identical(res1, res2) -- the seed compares res2 with itself
        double total = 0;
        for (int i = 0; i < tags.size(); i++) {
            assertEquals(filterTest(testData, tags.get(i)), res1.get(i), 0.0);
            total += res1.get(i);
        }
        assertEquals(IntStream.range(0, 200_000).mapToDouble(i -> testData.a()[i]).sum(), total, 1e-6);
    }

    private static List<Character> chars(char[] c) {
        List<Character> l = new ArrayList<>(c.length);
        for (char ch : c) l.add(ch);
        return l;
    }

    private static void write(TestData d, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(d.tag().length);
            for (int i = 0; i < d.tag().length; i++) {
                out.writeChar(d.tag()[i]);
                out.writeDouble(d.a()[i]);
                out.writeDouble(d.b()[i]);
            }
        }
    }

    private static TestData read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            TestData d = new TestData(new char[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                d.tag()[i] = in.readChar();
                d.a()[i] = in.readDouble();
                d.b()[i] = in.readDouble();
            }
            return d;
        }
    }

    // ---------------------------------------------------------------- parallel RNG

    /**
     * {@code rxExec(playDice, timesToRun=10000, taskChunkSize=2000, RNGseed=777, RNGkind="MT2203")}
     * twice gives the same table; in rankexec the whole per-game list is identical for any thread
     * count, chunk size and scheduling (rxExec only promises that when chunks <= workers).
     */
    @Test
    void rxExec_playDice_RNGseed777_MT2203_identicalForAnyThreadsChunksScheduling() {
        JobSpec.Builder<Void, String> b = JobSpec.timesToRun(10_000, ctx -> SeedFunctions.playDice(ctx.rng()))
                .rng(RngKind.MT2203, 777);
        List<String> reference = runList(1, b.chunkSize(2000).build());
        for (int threads : new int[] {2, 3}) {
            for (int chunk : new int[] {1, 7, 2000}) {
                for (Scheduling s : Scheduling.values()) {
                    assertEquals(reference, runList(threads, b.chunkSize(chunk).scheduling(s).build()),
                            threads + " threads, chunk " + chunk + ", " + s);
                }
            }
        }
    }

    /**
     * The same example with the rxExec meaning of {@code taskChunkSize=2000} under MT2203: each chunk
     * of 2000 games draws from one stream (5 tasks of 2000 games). The win count is then near the
     * exact 244/495, and identical for any thread count and scheduling.
     */
    @Test
    void rxExec_playDice_RNGseed777_MT2203_oneStreamPer2000Games_nearExactAndRepeatable() {
        JobSpec.Builder<Void, Long> b = JobSpec.timesToRun(5, ctx -> {
            long wins = 0;
            for (int g = 0; g < 2000; g++) if (SeedFunctions.playDice(ctx.rng()).equals("Win")) wins++;
            return wins;
        }).rng(RngKind.MT2203, 777);
        Combiner<Long, Long> sum = Combiner.asArrived(() -> 0L, Long::sum);
        long wins = run(1, b.build(), sum);
        assertEquals(wins, (long) run(3, b.chunkSize(1).scheduling(Scheduling.STATIC).build(), sum));
        assertWithinSigmas(WIN * 10_000, wins, 10_000 * binomialSe(WIN, 10_000), 4, "wins");
    }

    /**
     * One game per task under MT2203: each task draws only the first few outputs of its stream.
     * MKL's substreams seeded alike are correlated there (4216, 6216, 5190, 4361 wins for seeds 1,
     * 14, 777, 12345 against 4929 +- 50), which is why task streams are keyed by task index
     * (Mt2203.forTask); this checks they give the exact win rate.
     */
    @Test
    void rxExec_playDice_RNGseed777_MT2203_oneGamePerTask_nearExactWinRate() {
        List<String> z = runList(2, JobSpec.timesToRun(10_000, ctx -> SeedFunctions.playDice(ctx.rng()))
                .rng(RngKind.MT2203, 777).chunkSize(2000).build());
        long wins = z.stream().filter("Win"::equals).count();
        assertWithinSigmas(WIN * 10_000, wins, 10_000 * binomialSe(WIN, 10_000), 4, "wins");
    }

    /** One game per task under MRG32k3a (rankexec's default) with seed 777: near the exact win rate. */
    @Test
    void rxExec_playDice_RNGseed777_MRG32K3A_oneGamePerTask_nearExactWinRate() {
        List<String> z = runList(2, JobSpec.timesToRun(10_000, ctx -> SeedFunctions.playDice(ctx.rng()))
                .rng(RngKind.MRG32K3A, 777).chunkSize(2000).build());
        long wins = z.stream().filter("Win"::equals).count();
        assertWithinSigmas(WIN * 10_000, wins, 10_000 * binomialSe(WIN, 10_000), 4, "wins");
    }

    /**
     * {@code RNGseed=777} without a kind: rxExec's default is MT2203, rankexec's is MRG32k3a
     * (streams 2^127 apart); either way the run repeats exactly.
     */
    @Test
    void rxExec_playDice_RNGseed777_defaultKindIsMrg32k3aAndRepeats() {
        JobSpec<Void, String> spec = JobSpec.timesToRun(10_000, ctx -> SeedFunctions.playDice(ctx.rng()))
                .chunkSize(2000).seed(777).build();
        assertSame(RngKind.MRG32K3A, spec.rngKind());
        assertEquals(run(2, spec, table()), run(2, spec, table()));
    }

    /**
     * {@code rxOptions(numCoresToUse=5); x1 <- rxExec(runif, 500, timesToRun=5, RNGkind="MT2203",
     * RNGseed=14); x2 <- ...; all.equal(x1, x2)}: here identical for 1-4 threads, chunk sizes 1, 2, 5
     * and both schedulings, and task i is exactly MKL's {@code vslNewStreamEx(MT2203 + i, 2, {14, i})} output.
     */
    @Test
    void rxExec_runif500x5_MT2203_seed14_identicalEverywhereAndTaskIIsKeyedMklSubstreamI() {
        JobSpec.Builder<Void, double[]> b = SeedFunctions.runifJob(500, 5).rng(RngKind.MT2203, 14);
        List<double[]> x1 = runList(1, b.build());
        for (int threads = 1; threads <= 4; threads++) {
            for (int chunk : new int[] {1, 2, 5}) {
                for (Scheduling s : Scheduling.values()) {
                    List<double[]> x2 = runList(threads, b.chunkSize(chunk).scheduling(s).build());
                    for (int i = 0; i < 5; i++) assertArrayEquals(x1.get(i), x2.get(i), 0.0, threads + "/" + chunk + "/" + s + " task " + i);
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            double[] mkl = new double[500];
            Mt2203.forTask(14, i).fill(mkl, 0, 500); // verified bit-exact against MKL in the rng module
            assertArrayEquals(mkl, x1.get(i), 0.0, "task " + i);
        }
    }

    /**
     * The same runif job checked against output recorded from Intel MKL 2020.4 itself
     * (rng/src/test/resources/golden/mt2203-task-blocks.txt: vslNewStreamEx(MT2203 + task % 6024, 2,
     * {777, task}) bits): tasks 1000, 6023 and 6024 of a 6025-task job, as MKL's doubles u = bits * 2^-32.
     */
    @Test
    void rxExec_runif_MT2203_seed777_tasksEqualMklGoldenStreams() throws IOException {
        Map<Integer, Map<Integer, Long>> golden = new HashMap<>(); // task -> index -> unsigned bits
        for (String line : Files.readAllLines(Path.of("..", "rng", "src", "test", "resources", "golden", "mt2203-task-blocks.txt"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            String[] key = f[1].split(",");
            if (!key[0].equals("777")) continue;
            golden.computeIfAbsent(Integer.parseInt(key[1]), k -> new HashMap<>()).put(Integer.parseInt(f[2]), Long.parseLong(f[3]));
        }
        assertEquals(List.of(1000, 6023, 6024), golden.keySet().stream().sorted().toList());
        Map<Integer, double[]> kept = run(2, SeedFunctions.runifJob(500, Mt2203.SUBSTREAMS + 1).rng(RngKind.MT2203, 777).chunkSize(64).build(),
                Combiner.of(Combiner.Order.AS_ARRIVED, HashMap::new, (Map<Integer, double[]> acc, double[] u, int i) -> {
                    if (golden.containsKey(i)) acc.put(i, u);
                    return acc;
                }));
        for (var e : golden.entrySet()) {
            assertEquals(100, e.getValue().size());
            for (var v : e.getValue().entrySet())
                assertEquals(v.getValue() * 0x1.0p-32, kept.get(e.getKey())[v.getKey()], 0.0,
                        "task " + e.getKey() + " value " + v.getKey());
        }
    }

    /**
     * {@code x <- rxExec(runif, 500, timesToRun=5, RNGkind="MT2203"); corx <- cor(data.frame(x));
     * diag(corx) <- 0; any(abs(corx) > 0.3)} is FALSE: the five task streams are uncorrelated.
     */
    @Test
    void rxExec_runif500x5_MT2203_streamsUncorrelated() {
        List<double[]> x = runList(2, SeedFunctions.runifJob(500, 5).rng(RngKind.MT2203, JobSpec.DEFAULT_SEED).build());
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) {
                double c = SeedExamples.correlation(x.get(i), x.get(j));
                assertTrue(Math.abs(c) <= 0.3, "cor(task " + i + ", task " + j + ") = " + c);
            }
    }

    /**
     * {@code rxExec(runif, 500, timesToRun=5, RNGkind="auto")}: rankexec has no "auto" (a fixed
     * default makes runs repeat); without rng(...) a job uses MRG32k3a seed 42, so it
     * repeats, and a different seed gives different streams.
     */
    @Test
    void rxExec_runif_auto_defaultIsFixedMrg32k3aSeed42() {
        JobSpec<Void, double[]> x3 = SeedFunctions.runifJob(500, 5).build();
        assertSame(RngKind.MRG32K3A, x3.rngKind());
        assertEquals(42L, x3.seed());
        List<double[]> a = runList(2, x3), b = runList(1, x3);
        for (int i = 0; i < 5; i++) assertArrayEquals(a.get(i), b.get(i), 0.0);
        List<double[]> other = runList(2, SeedFunctions.runifJob(500, 5).seed(2).build());
        assertNotEquals(a.get(0)[0], other.get(0)[0]);
    }

    // ---------------------------------------------------------------- non-blocking jobs

    /**
     * {@code z <- rxExec(pbirthday, n=rxElemArg(2:100), ntests=2000, taskChunkSize=20)} in a
     * non-waiting context; {@code rxGetJobStatus(z)} is "finished"; {@code unlist(rxGetJobResults(z))}.
     */
    @Test
    void rxExec_nonBlockingPbirthday_statusFinishedThenResults() throws InterruptedException {
        int ntests = 2000;
        List<Integer> partySize = IntStream.rangeClosed(2, 100).boxed().toList();
        JobSpec<Integer, Double> spec = JobSpec.overElements(partySize, (ctx, n) -> SeedFunctions.pbirthday(ctx.rng(), n, ntests))
                .chunkSize(20).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobHandle<List<Double>> z = engine.submit(spec); // returns at once
            assertEquals(99, z.tasksTotal());
            JobResult<List<Double>> done = z.await(Duration.ofMinutes(2)).orElseThrow();
            assertEquals(JobStatus.COMPLETED, z.status()); // rxGetJobStatus(z) == "finished"
            assertEquals(99, z.tasksDone());
            List<Double> probSameBD = done.valueOrThrow(); // unlist(rxGetJobResults(z))
            for (int i = 0; i < 99; i++) {
                double exact = exactBirthday(i + 2);
                assertWithinSigmas(exact, probSameBD.get(i), Math.max(binomialSe(exact, ntests), 1e-4), 4.5, "party size " + (i + 2));
            }
        }
    }

    /** {@code z <- genKmeansClusters(x, 10, 35, 20)} non-blocking, then {@code findKmeansBest(rxGetJobResults(z))}. */
    @Test
    void rxExec_nonBlockingGenKmeansClusters_thenFindKmeansBest() throws InterruptedException {
        DataMatrix x = SeedFunctions.blobs(4, 150, 5, 12);
        try (LocalEngine engine = new LocalEngine(2)) {
            JobHandle<List<KMeansResult>> z = engine.submit(kMeansJob(x, 4, 35, 20, 1));
            Optional<JobResult<List<KMeansResult>>> result = z.await(Duration.ofMinutes(2));
            assertTrue(result.isPresent() && z.isDone());
            KMeansResult best = SeedFunctions.findKmeansBest(result.get().valueOrThrow());
            assertTrue(best.totalWithinSS() <= SeedFunctions.blobPartitionSS(x, 4, 150) * (1 + 1e-9));
        }
    }

    /** Cancelling a running non-blocking job: status CANCELLED, running tasks see isCancelled(). */
    @Test
    void rxExec_nonBlockingJob_cancelStopsRunningTasks() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(2);
        JobSpec<Void, Integer> spec = JobSpec.<Integer>timesToRun(100, ctx -> {
            started.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // safety net only
            while (!ctx.isCancelled() && System.nanoTime() < deadline) Thread.onSpinWait();
            return ctx.taskIndex();
        }).chunkSize(1).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobHandle<List<Integer>> z = engine.submit(spec);
            assertTrue(started.await(30, TimeUnit.SECONDS));
            assertEquals(JobStatus.RUNNING, z.status());
            assertTrue(z.cancel());
            JobResult<List<Integer>> r = z.await(Duration.ofSeconds(30)).orElseThrow();
            assertEquals(JobStatus.CANCELLED, r.status());
            assertTrue(r.tasksSucceeded() < 100);
            assertFalse(z.cancel(), "a finished job cannot be cancelled again");
            JobFailedException e = assertThrows(JobFailedException.class, r::valueOrThrow);
            assertTrue(e.getMessage().startsWith("job cancelled after "), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- SimAndEstimatePoisson

    /**
     * {@code rxExec(SimAndEstimatePoisson, nobs=50000, trials=10, taskChunkSize=5, timesToRun=100)},
     * scaled to nobs=2000, trials=2, timesToRun=20: a list of 20 (trials x 3) coefficient
     * matrices whose means recover the true (b0, b1, b2) = (0, 1, 2).
     */
    @Test
    void rxExec_simAndEstimatePoisson_chunk5_coefficientsRecoverTruth() {
        JobSpec<Void, double[][]> spec = JobSpec.timesToRun(20,
                ctx -> PoissonSimulation.simAndEstimate(ctx.rng(), 2000, 2)).chunkSize(5).build();
        List<double[][]> cf = runList(2, spec);
        assertEquals(20, cf.size());
        double[] truth = {0, 1, 2};
        for (int c = 0; c < 3; c++) {
            double sum = 0, sumSq = 0;
            int n = 0;
            for (double[][] m : cf) {
                assertEquals(2, m.length);
                for (double[] row : m) {
                    sum += row[c];
                    sumSq += row[c] * row[c];
                    n++;
                }
            }
            double mean = sum / n, sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
            assertWithinSigmas(truth[c], mean, sd / Math.sqrt(n), 5, "coefficient b" + c);
        }
    }

    // ---------------------------------------------------------------- continueOnFailure

    /**
     * {@code continueOnFailure=TRUE} (the default): results for the tasks that finish and error
     * messages for those that fail; with it off the first failure stops the job and names the task.
     */
    @Test
    void rxExec_continueOnFailure_keepsOtherResultsOrStopsNamingTheTask() {
        JobSpec.Builder<Void, Integer> b = JobSpec.<Integer>timesToRun(10, ctx -> {
            if (ctx.taskIndex() == 3 || ctx.taskIndex() == 7)
                throw new IllegalStateException("simulation " + ctx.taskIndex() + " diverged");
            return ctx.taskIndex() * ctx.taskIndex();
        }).chunkSize(1);
        try (LocalEngine engine = new LocalEngine(2)) {
            JobResult<List<Integer>> r = engine.run(b.build());
            assertEquals(JobStatus.COMPLETED_WITH_FAILURES, r.status());
            assertEquals(List.of(new TaskFailure(3, "java.lang.IllegalStateException", "simulation 3 diverged"),
                    new TaskFailure(7, "java.lang.IllegalStateException", "simulation 7 diverged")), r.failures());
            for (int i = 0; i < 10; i++) {
                if (i == 3 || i == 7) assertNull(r.value().get(i));
                else assertEquals(i * i, r.value().get(i));
            }
            assertEquals(8, r.tasksSucceeded());
        }
        try (LocalEngine engine = new LocalEngine(1)) {
            JobResult<List<Integer>> r = engine.run(b.continueOnFailure(false).build());
            assertEquals(JobStatus.FAILED, r.status());
            JobFailedException e = assertThrows(JobFailedException.class, r::valueOrThrow);
            assertEquals("job stopped: task 3 failed: java.lang.IllegalStateException: simulation 3 diverged", e.getMessage());
        }
    }
}
