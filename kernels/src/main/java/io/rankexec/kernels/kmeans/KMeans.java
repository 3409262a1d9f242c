package io.rankexec.kernels.kmeans;

import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.kernels.support.Draws;
import io.rankexec.rng.BlockRandom;

/**
 * k-means from given initial centres: Hartigan-Wong (AS 136, as in R's kmns.f, R's default) and
 * Lloyd. Data are row-major {@code double[n * p]} so a point's coordinates are contiguous (R's
 * Fortran walks a column-major matrix across rows, one cache line per coordinate); every squared
 * distance comes from {@link SquaredDistance} (SIMD through the Vector API when present, one
 * fixed summation order either way).
 */
public final class KMeans {

    /** Algorithms offered, named as in R's {@code kmeans(algorithm=)}. */
    public enum Algorithm {
        /** R's default, AS 136 as in R's kmns.f. */
        HARTIGAN_WONG,
        /** R's {@code algorithm = "Lloyd"}, run with Hamerly's bounds ({@link #hamerly}): the same result, fewer distances. */
        LLOYD
    }

    private KMeans() {
    }

    /** Initial centres as R picks them: k distinct rows {@code x[sample.int(n, k), ]}. */
    public static double[] randomCenters(BlockRandom rng, DataMatrix data, int k) {
        checkK(data, k);
        int p = data.cols();
        int[] rows = Draws.distinct(rng, data.rows(), k);
        double[] c = new double[k * p];
        for (int l = 0; l < k; l++) System.arraycopy(data.values(), rows[l] * p, c, l * p, p);
        return c;
    }

    /** How initial centres are chosen. */
    public enum Init {
        /** k distinct data rows uniformly at random, as R's kmeans. */
        RANDOM,
        /** k-means++ (Arthur and Vassilvitskii 2007): each next centre a row drawn with probability proportional to D^2. */
        KMEANS_PLUS_PLUS
    }

    /** One fit from random initial centres (R's choice) drawn from {@code rng}. */
    public static KMeansResult fit(Algorithm algorithm, DataMatrix data, int k, int iterMax, BlockRandom rng) {
        return fit(algorithm, Init.RANDOM, data, k, iterMax, rng);
    }

    /** One fit from initial centres chosen by {@code init} with draws from {@code rng}. */
    public static KMeansResult fit(Algorithm algorithm, Init init, DataMatrix data, int k, int iterMax, BlockRandom rng) {
        double[] centers = init == Init.KMEANS_PLUS_PLUS ? plusPlusCenters(rng, data, k) : randomCenters(rng, data, k);
        return switch (algorithm) {
            case HARTIGAN_WONG -> hartiganWong(data, centers, k, iterMax);
            case LLOYD -> hamerly(data, centers, k, iterMax);
        };
    }

    /**
     * Lloyd's algorithm with Hamerly's bounds: exactly the result of {@link #lloyd}, with far fewer
     * distances once centres settle on clustered data (on unstructured data such as the seed's
     * 50-dimensional normals the bounds rarely prune and it costs about what plain Lloyd does).
     */
    public static KMeansResult hamerly(DataMatrix data, double[] initialCenters, int k, int iterMax) {
        checkArgs(data, initialCenters, k, iterMax);
        HamerlyLloyd h = new HamerlyLloyd(data, initialCenters, k).run(iterMax);
        return summarize(data, h.cluster(), k, h.iterations(), h.converged());
    }

    /**
     * k-means++ seeding: the first centre a uniform row, each next one a row drawn with
     * probability proportional to its squared distance to the nearest centre so far.
     */
    public static double[] plusPlusCenters(BlockRandom rng, DataMatrix data, int k) {
        checkK(data, k);
        int n = data.rows();
        int p = data.cols();
        double[] a = data.values();
        double[] c = new double[k * p];
        double[] nearest = new double[n];
        int first = Draws.below(rng, n);
        System.arraycopy(a, first * p, c, 0, p);
        double total = 0;
        for (int i = 0; i < n; i++) {
            nearest[i] = dist(a, i * p, c, 0, p);
            total += nearest[i];
        }
        for (int l = 1; l < k; l++) {
            int pick;
            if (total > 0) {
                double target = rng.nextDouble() * total;
                double cum = 0;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    cum += nearest[i];
                    if (cum > target && nearest[i] > 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = Draws.below(rng, n); // all points coincide with centres: nothing to prefer
            }
            System.arraycopy(a, pick * p, c, l * p, p);
            total = 0;
            for (int i = 0; i < n; i++) {
                double d = dist(a, i * p, c, l * p, p);
                if (d < nearest[i]) nearest[i] = d;
                total += nearest[i];
            }
        }
        return c;
    }

    static void checkK(DataMatrix data, int k) {
        if (k < 2) throw new IllegalArgumentException("k must be >= 2, got " + k);
        if (k >= data.rows())
            throw new IllegalArgumentException("k = " + k + " must be less than the " + data.rows() + " rows of the data");
    }

    static void checkArgs(DataMatrix data, double[] centers, int k, int iterMax) {
        checkK(data, k);
        if (iterMax < 1) throw new IllegalArgumentException("iter.max must be >= 1, got " + iterMax);
        if (centers.length != k * data.cols())
            throw new IllegalArgumentException("centers has " + centers.length + " values, expected k*p = " + k * data.cols());
    }

    /**
     * Lloyd's algorithm as R's {@code kmeans(algorithm="Lloyd")}, the plain reference
     * {@link #hamerly} must reproduce: assign every point to its
     * nearest centre, recompute centres as means, until no assignment changes or iterMax
     * iterations. A cluster that empties keeps its previous centre (R would produce NaN).
     */
    public static KMeansResult lloyd(DataMatrix data, double[] initialCenters, int k, int iterMax) {
        checkArgs(data, initialCenters, k, iterMax);
        final int n = data.rows();
        final int p = data.cols();
        final double[] a = data.values();
        final double[] c = initialCenters.clone();
        final int[] cl = new int[n];
        final int[] nc = new int[k];
        java.util.Arrays.fill(cl, -1);
        int iter;
        boolean converged = false;
        double[] sum = new double[k * p];
        for (iter = 0; iter < iterMax; iter++) {
            boolean updated = false;
            for (int i = 0; i < n; i++) {
                int off = i * p;
                int best = cl[i] < 0 ? 0 : cl[i];
                double bestD = dist(a, off, c, best * p, p);
                for (int l = 0; l < k; l++) {
                    if (l == best) continue;
                    double d = dist(a, off, c, l * p, p);
                    if (d < bestD || (d == bestD && l < best)) {
                        bestD = d;
                        best = l;
                    }
                }
                if (cl[i] != best) {
                    updated = true;
                    cl[i] = best;
                }
            }
            if (!updated) {
                converged = true;
                break;
            }
            sumByCluster(a, n, p, cl, sum, nc);
            for (int l = 0; l < k; l++) {
                if (nc[l] == 0) continue;
                double inv = nc[l];
                for (int j = 0; j < p; j++) c[l * p + j] = sum[l * p + j] / inv;
            }
        }
        int iterations = converged ? iter + 1 : iterMax;
        return summarize(data, cl, k, iterations, converged);
    }

    /**
     * Per-cluster coordinate sums and sizes of an assignment, summed in point order (the order
     * Lloyd's reference uses, so the accelerated variant reproduces its centres bit for bit).
     */
    static void sumByCluster(double[] a, int n, int p, int[] cl, double[] sum, int[] nc) {
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(nc, 0);
        for (int i = 0; i < n; i++) {
            int l = cl[i];
            nc[l]++;
            int co = l * p;
            int off = i * p;
            for (int j = 0; j < p; j++) sum[co + j] += a[off + j];
        }
    }

    /**
     * Hartigan-Wong (AS 136 with R's changes: quick-transfer steps capped at 50 n) from the given
     * initial centres. Throws IllegalStateException if a cluster is empty after the first
     * assignment (R: "empty cluster: try a better set of initial centers").
     */
    public static KMeansResult hartiganWong(DataMatrix data, double[] initialCenters, int k, int iterMax) {
        checkArgs(data, initialCenters, k, iterMax);
        return new HartiganWong(data, initialCenters, k).run(iterMax);
    }

    /** Centres, sizes and withinss recomputed from an assignment (as kmns.f does at the end). */
    static KMeansResult summarize(DataMatrix data, int[] cl, int k, int iterations, boolean converged) {
        int n = data.rows();
        int p = data.cols();
        double[] a = data.values();
        double[] c = new double[k * p];
        int[] nc = new int[k];
        sumByCluster(a, n, p, cl, c, nc);
        for (int l = 0; l < k; l++) {
            if (nc[l] == 0) continue;
            for (int j = 0; j < p; j++) c[l * p + j] /= nc[l];
        }
        double[] wss = new double[k];
        for (int i = 0; i < n; i++) {
            int l = cl[i];
            double s = 0;
            for (int j = 0; j < p; j++) {
                double d = a[i * p + j] - c[l * p + j];
                s += d * d;
            }
            wss[l] += s;
        }
        return new KMeansResult(k, p, c, nc, wss, cl.clone(), iterations, converged, -1);
    }

    /**
     * Squared distance between a[ao..ao+p) and c[co..co+p), always summed in the same order
     * ({@link SquaredDistance}), so every caller, and the vector and scalar paths, see identical values.
     */
    static double dist(double[] a, int ao, double[] c, int co, int p) {
        return SquaredDistance.BEST.between(a, ao, c, co, p);
    }
}
