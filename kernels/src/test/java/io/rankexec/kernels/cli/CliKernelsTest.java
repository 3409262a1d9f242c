package io.rankexec.kernels.cli;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobSpec;
import io.rankexec.kernels.dice.Craps;
import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansKernel;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotRows;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kernels through the CLI entry point, in-process, on the local engine. */
class CliKernelsTest {

    @TempDir
    Path dir;

    private static CliRunner ok(String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.code(), "exit code; stderr: " + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("time: \\d+\\.\\d{3} s \\(local\\[\\d+]\\)")), r.out());
        return r;
    }

    private static double number(String text, String key) {
        Matcher m = Pattern.compile(Pattern.quote(key) + "=?([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)").matcher(text);
        assertTrue(m.find(), key + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    /** Same seed: identical result lines on 1 thread and on 2 threads with other chunking and scheduling. */
    private static String sameAcrossEngines(String... kernelArgs) {
        String[] a = concat(new String[]{"--quiet", "--threads", "1"}, kernelArgs);
        String[] b = concat(new String[]{"--quiet", "--threads", "2", "--chunk-size", "3", "--schedule", "static"}, kernelArgs);
        String[] c = concat(new String[]{"--quiet", "--threads", "2", "--chunk-size", "1", "--schedule", "dynamic"}, kernelArgs);
        String first = ok(a).results();
        assertEquals(first, ok(b).results());
        assertEquals(first, ok(c).results());
        return first;
    }

    private static String[] concat(String[] x, String[] y) {
        String[] r = new String[x.length + y.length];
        System.arraycopy(x, 0, r, 0, x.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    @Test
    void diceWinRateIsNearTheExactValueAndReproducible() {
        String out = sameAcrossEngines("dice", "--games", "200000", "--games-per-task", "1000");
        long wins = (long) number(out, "wins");
        double se = Math.sqrt(Craps.WIN_PROBABILITY * (1 - Craps.WIN_PROBABILITY) / 200000);
        assertEquals(Craps.WIN_PROBABILITY, wins / 200000.0, 4.5 * se);
        assertTrue(out.contains("(seed=42, rng=MRG32K3A)"), out);
        String other = ok("--quiet", "--seed", "7", "--rng", "MT2203", "dice", "--games", "200000", "--games-per-task", "1000").results();
        assertFalse(other.equals(out), "another seed gives another result");
        assertTrue(other.contains("(seed=7, rng=MT2203)"), other);
    }

    @Test
    void piIsWithinItsStandardError() {
        String out = sameAcrossEngines("pi", "--samples", "2000000", "--tasks", "7");
        double est = number(out, "pi ");
        assertEquals(Math.PI, est, 4.5 * 4 * Math.sqrt(Math.PI / 4 * (1 - Math.PI / 4) / 2e6));
        assertTrue(out.matches("(?s)pi \\d\\.\\d{7} ± \\d\\.\\d{7} \\(samples=2000000,.*"), out);
    }

    @Test
    void kmeansReturnsTheBestOfTheRestartsStreams() {
        String out = sameAcrossEngines("kmeans", "--generate", "300x5", "--k", "4", "--nstart", "9", "--iter-max", "20");
        // independent recomputation: restart i draws from the stream of task i
        DataMatrix x = KMeansKernel.generateNormal(300, 5, RngKind.MRG32K3A, 1);
        KMeansResult best = null;
        for (int i = 0; i < 9; i++) {
            KMeansResult r = KMeans.fit(KMeans.Algorithm.HARTIGAN_WONG, x, 4, 20, StreamSpec.forTask(RngKind.MRG32K3A, 42, i).create());
            best = KMeansResult.better(best, r.withRestart(i));
        }
        assertEquals(String.format(java.util.Locale.ROOT, "%.6f", best.totalWithinSS()), String.format(java.util.Locale.ROOT, "%.6f", number(out, "tot.withinss")));
        assertEquals(best.restart(), (int) number(out, "restart"));
        String lloyd = ok("--quiet", "kmeans", "--generate", "300x5", "--k", "4", "--nstart", "9", "--algorithm", "lloyd").results();
        assertTrue(lloyd.contains("algorithm=Lloyd"), lloyd);
    }

    @Test
    void kmeansReadsCsvAndWritesCentres() throws IOException {
        Path data = dir.resolve("pts.csv");
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 40; i++) sb.append(i % 2 == 0 ? 0.1 * i : 100 + 0.1 * i).append(',').append(i % 2 == 0 ? 1 : 50).append('\n');
        Files.writeString(data, sb.toString());
        Path outDir = dir.resolve("out");
        String out = ok("--quiet", "--output", outDir.toString(), "kmeans", "--data", data.toString(), "--k", "2", "--nstart", "5").results();
        assertTrue(out.contains("kmeans sizes=[20, 20]"), out);
        assertEquals(2, Files.readAllLines(outDir.resolve("kmeans-centers.csv")).size());
        assertEquals(40, Files.readAllLines(outDir.resolve("kmeans-cluster.csv")).size());
    }

    @Test
    void bootstrapOfIrisLogisticRegression() {
        String out = sameAcrossEngines("bootstrap", "--replicates", "300");
        // R: coef(glm(x[,2] ~ x[,1], family = binomial(logit))) on iris's non-setosa rows
        String slope = out.lines().filter(l -> l.startsWith("bootstrap Sepal.Length")).findFirst().orElseThrow();
        String intercept = out.lines().filter(l -> l.startsWith("bootstrap (Intercept)")).findFirst().orElseThrow();
        assertEquals(2.0129269997338568, number(slope, "t0"), 1e-8);
        assertEquals(-12.5707833410651926, number(intercept, "t0"), 1e-8);
        double lo = number(slope, "percentile=["), se = number(slope, "se");
        assertTrue(lo < 2.0129 && se > 0.3 && se < 0.7, slope);
    }

    @Test
    void genericBootstrapOfColumnMeans() throws IOException {
        Path data = dir.resolve("v.csv");
        Files.writeString(data, "v\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
        String out = ok("--quiet", "bootstrap", "--data", data.toString(), "--replicates", "2000", "--statistic", "mean").results();
        String line = out.lines().filter(l -> l.startsWith("bootstrap v ")).findFirst().orElseThrow();
        assertEquals(5.5, number(line, "t0"), 1e-12);
        // se of a mean of 10 values resampled: sqrt(var_n / n) = sqrt(8.25 / 10) = 0.908
        assertEquals(0.908, number(line, "se"), 0.06);
    }

    @Test
    void poissonCoefficientsAverageToTheTruth() throws IOException {
        Path outDir = dir.resolve("p");
        String out = ok("--quiet", "--output", outDir.toString(), "poisson", "--nobs", "4000", "--trials", "2", "--times", "6").results();
        String again = ok("--quiet", "--threads", "1", "--chunk-size", "4", "poisson", "--nobs", "4000", "--trials", "2", "--times", "6").results();
        assertEquals(out.lines().filter(l -> l.startsWith("poisson")).toList(), again.lines().toList(), "reproducible");
        assertEquals(0.0, number(out, "b0"), 0.05);
        assertEquals(1.0, number(out, "b1"), 0.15);
        assertEquals(2.0, number(out, "b2"), 0.15);
        assertEquals(13, Files.readAllLines(outDir.resolve("poisson-coefficients.csv")).size());
    }

    @Test
    void birthdayWritesCsvAndPlot() throws IOException {
        Path outDir = dir.resolve("b");
        String out = sameAcrossEngines("birthday", "--sizes", "2:30", "--tests", "3000");
        assertEquals(29, out.lines().filter(l -> l.startsWith("birthday n=")).count());
        assertTrue(out.lines().filter(l -> l.startsWith("birthday n=")).allMatch(l -> Math.abs(number(l, "z")) < 5), out);
        ok("--quiet", "--output", outDir.toString(), "birthday", "--sizes", "3,25,50", "--tests", "1000");
        List<String> csv = Files.readAllLines(outDir.resolve("birthday.csv"));
        assertEquals("party_size,probability,exact,worker", csv.get(0));
        assertEquals(4, csv.size());
        BufferedImage png = ImageIO.read(outDir.resolve("birthday.png").toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
    }

    @Test
    void mandelbrotFilesEqualTheScalarComputation() throws IOException {
        Path outDir = dir.resolve("m");
        String out = ok("--quiet", "--output", outDir.toString(), "--chunk-size", "5", "mandelbrot", "--width", "60", "--height", "40",
                "--max-iter", "50").results();
        int[] ref = MandelbrotRows.computeAll(MandelbrotGrid.standard(60, 40, 50));
        List<String> lines = Files.readAllLines(outDir.resolve("mandelbrot.csv"));
        assertEquals(40, lines.size());
        int[] csv = lines.stream().flatMap(l -> java.util.Arrays.stream(l.split(","))).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(ref, csv);
        ByteBuffer bin = ByteBuffer.wrap(Files.readAllBytes(outDir.resolve("mandelbrot.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(40, bin.getInt());
        assertEquals(60, bin.getInt());
        for (int v : ref) assertEquals(v, bin.getInt());
        BufferedImage png = ImageIO.read(outDir.resolve("mandelbrot.png").toFile());
        assertEquals(60, png.getWidth());
        assertEquals(40, png.getHeight());
        long inSet = java.util.Arrays.stream(ref).filter(v -> v == 50).count();
        assertEquals(inSet, (long) number(out, "in-set"));
    }

    @Test
    void checkpointedRunResumesToTheSameResult() {
        String ck = dir.resolve("ck").toString();
        String[] kernel = {"bootstrap", "--replicates", "120"};
        String first = ok(concat(new String[]{"--quiet", "--checkpoint", ck, "--chunk-size", "10"}, kernel)).results();
        String resumed = ok(concat(new String[]{"--quiet", "--checkpoint", ck, "--resume"}, kernel)).results();
        assertEquals(first, resumed);
        assertEquals(first, ok(concat(new String[]{"--quiet"}, kernel)).results());
        CliRunner again = CliRunner.run(concat(new String[]{"--quiet", "--checkpoint", ck}, kernel));
        assertEquals(CliApp.USAGE, again.code(), "an existing journal is not overwritten without --resume");
        CliRunner other = CliRunner.run("--quiet", "--checkpoint", ck, "--resume", "bootstrap", "--replicates", "121");
        assertEquals(CliApp.USAGE, other.code(), "a journal of another job is refused");
        assertTrue(other.err().contains("belongs to another job"), other.err());
    }

    @Test
    void failedTasksEndTheRunWithOneLineAndExitOne() {
        CliRunner r = CliRunner.run("--quiet", "--task-timeout", "1ms", "kmeans", "--generate", "3000x30", "--nstart", "4");
        assertEquals(CliApp.FAILED, r.code(), r.err());
        // The failed tasks with the head of their stack traces, then one error line.
        assertTrue(r.err().startsWith("rankexec: job 1: 4 of 4 tasks failed"), r.err());
        assertTrue(r.err().contains("task 0: java.util.concurrent.TimeoutException"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("rankexec: error: ")).count(), r.err());
        assertTrue(r.err().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("rankexec: error: "), r.err());
    }
}
