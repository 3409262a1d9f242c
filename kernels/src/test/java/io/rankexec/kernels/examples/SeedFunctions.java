package io.rankexec.kernels.examples;

import io.rankexec.core.job.JobSpec;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.BlockRandom;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The R functions of the seed documents written the way a Java user of rankexec would write them:
 * plain static methods that take the task's random stream. They are deliberately literal ports
 * (not the optimized kernels), so the tests show that user code runs unchanged inside a task.
 */
public final class SeedFunctions {

    private SeedFunctions() {
    }

    /** R's {@code sample(6, 1)}: a die face 1..6 from one uniform. */
    static int die(BlockRandom rng) {
        return 1 + (int) (6 * rng.nextDouble());
    }

    /** The seed's {@code playDice()} line for line: one game of craps, "Win" or "Loss". */
    static String playDice(BlockRandom rng) {
        Integer point = null;
        int count = 1;
        while (true) {
            int roll = die(rng) + die(rng); // sum(sample(6, 2, replace=TRUE))
            if (point == null) point = roll;
            if (count == 1 && (roll == 7 || roll == 11)) return "Win";
            else if (count == 1 && (roll == 2 || roll == 3 || roll == 12)) return "Loss";
            else if (count > 1 && roll == 7) return "Loss";
            else if (count > 1 && point == roll) return "Win";
            else count++;
        }
    }

    /** The seed's {@code pbirthday(n, ntests)}: share of ntests groups of n with a shared birthday. */
    static double pbirthday(BlockRandom rng, int n, int ntests) {
        int hits = 0;
        for (int t = 0; t < ntests; t++) {
            boolean[] taken = new boolean[365];
            boolean dup = false;
            for (int p = 0; p < n; p++) { // any(duplicated(sample(daysInYear, size = n, replace = TRUE)))
                int day = (int) (365 * rng.nextDouble());
                dup |= taken[day];
                taken[day] = true;
            }
            if (dup) hits++;
        }
        return hits / (double) ntests;
    }

    /** R's {@code seq(from, to, length.out = n)}: {@code c(from, from + (1:(n-2)) * by, to)}. */
    static double[] seq(double from, double to, int n) {
        double by = (to - from) / (n - 1);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from + i * by;
        v[n - 1] = to;
        return v;
    }

    /** The seed's scalar {@code mandelbrot(x0, y0, lim)}. */
    public static int mandelbrot(double x0, double y0, int lim) {
        double x = x0, y = y0;
        int iter = 0;
        while (x * x + y * y < 4 && iter < lim) {
            double xtemp = x * x - y * y + x0;
            y = 2 * x * y + y0;
            x = xtemp;
            iter++;
        }
        return iter;
    }

    /** The seed's {@code vmandelbrot(xvec, y0, lim)}: one row of the picture. */
    static int[] vmandelbrot(double[] xvec, double y0, int lim) {
        int[] out = new int[xvec.length];
        for (int i = 0; i < xvec.length; i++) out[i] = mandelbrot(xvec[i], y0, lim);
        return out;
    }

    /** R's {@code runif(n)} inside a task: n uniforms from the task's stream (MKL's vdRngUniform). */
    static JobSpec.Builder<Void, double[]> runifJob(int n, int timesToRun) {
        return JobSpec.timesToRun(timesToRun, ctx -> {
            double[] u = new double[n];
            ctx.rng().fill(u, 0, n);
            return u;
        });
    }

    /** The seed's {@code findKmeansBest}: the fit with the smallest total within-cluster SS (first on ties). */
    static KMeansResult findKmeansBest(List<KMeansResult> results) {
        int best = 0;
        double bestSS = results.get(0).totalWithinSS();
        for (int j = 0; j < results.size(); j++) {
            double jSS = results.get(j).totalWithinSS();
            if (bestSS > jSS) {
                best = j;
                bestSS = jSS;
            }
        }
        return results.get(best);
    }

    /**
     * Clustered test data for the k-means examples: {@code k} unit-variance Gaussian blobs of
     * {@code perCluster} rows in {@code cols} dimensions, blob c centred at 12 * c on every axis
     * (far apart, so the generating partition is the optimum). Row r belongs to blob r / perCluster.
     */
    static DataMatrix blobs(int k, int perCluster, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[k * perCluster * cols];
        for (int row = 0; row < k * perCluster; row++) {
            int c = row / perCluster;
            for (int j = 0; j < cols; j++) v[row * cols + j] = 12.0 * c + gaussian(r);
        }
        return new DataMatrix(k * perCluster, cols, v);
    }

    /** Total within-cluster sum of squares of the blob partition of {@link #blobs}. */
    static double blobPartitionSS(DataMatrix x, int k, int perCluster) {
        double ss = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < x.cols(); j++) {
                double mean = 0;
                for (int r = c * perCluster; r < (c + 1) * perCluster; r++) mean += x.get(r, j);
                mean /= perCluster;
                for (int r = c * perCluster; r < (c + 1) * perCluster; r++) ss += (x.get(r, j) - mean) * (x.get(r, j) - mean);
            }
        }
        return ss;
    }

    /** A standard normal by Box-Muller (test data only). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
