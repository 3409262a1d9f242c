package io.rankexec.kernels.kmeans;

import io.rankexec.kernels.support.DataMatrix;

import java.util.Arrays;

import static io.rankexec.kernels.kmeans.KMeans.dist;

/**
 * Lloyd's algorithm accelerated with Hamerly's bounds (Hamerly 2010, "Making k-means even
 * faster"): per point an upper bound on the distance to its centre and a lower bound on the
 * distance to every other centre; a point whose upper bound is below the lower bound (or below
 * half the distance from its centre to the nearest other centre) cannot change cluster and is
 * skipped without computing any distance. On clustered data almost every point is skipped after a
 * few iterations; on unstructured high-dimensional data (the seed's 50-dimensional normals, where
 * every centre is nearly as far as the nearest) the bounds rarely hold and it does plain Lloyd's work.
 * <p>
 * Gives exactly the assignments of {@link KMeans#lloyd}: the same distance function, the same
 * tie rule (lowest index among equal nearest distances), centres recomputed from scratch in
 * point order, and bounds widened by a relative {@link #SLACK} so rounding can never let a
 * skipped point be one plain Lloyd would move.
 */
final class HamerlyLloyd {

    /** Relative widening of every bound, far above the ~1e-15 rounding of a 50-term distance. */
    private static final double SLACK = 1e-9;

    private final int n;
    private final int p;
    private final int k;
    private final double[] a;
    private final double[] c;
    private final double[] old;
    private final double[] sum;
    private final int[] nc;
    private final int[] cl;
    private final double[] upper;
    private final double[] lower;
    private final double[] drift;
    private final double[] half;
    private int iterations;
    private boolean converged;

    HamerlyLloyd(DataMatrix data, double[] initialCenters, int k) {
        this.n = data.rows();
        this.p = data.cols();
        this.k = k;
        this.a = data.values();
        this.c = initialCenters.clone();
        this.old = new double[k * p];
        this.sum = new double[k * p];
        this.nc = new int[k];
        this.cl = new int[n];
        this.upper = new double[n];
        this.lower = new double[n];
        this.drift = new double[k];
        this.half = new double[k];
    }

    /** Runs up to iterMax assignment passes (R's iter count); returns this for the accessors. */
    HamerlyLloyd run(int iterMax) {
        for (int i = 0; i < n; i++) fullScan(i, -1);
        iterations = 1;
        while (true) {
            // the first pass always "changes" every assignment, as plain Lloyd's does (cl starts at -1)
            updateCenters();
            if (iterations == iterMax) return this;
            iterations++;
            if (!reassign()) {
                converged = true;
                return this;
            }
        }
    }

    int[] cluster() {
        return cl;
    }

    int iterations() {
        return iterations;
    }

    boolean converged() {
        return converged;
    }

    /** One assignment pass using the bounds; true if any point changed cluster. */
    private boolean reassign() {
        computeHalfGaps();
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            int own = cl[i];
            double bound = Math.max(half[own], lower[i]);
            if (upper[i] < bound) continue;
            int off = i * p;
            double dOwn = dist(a, off, c, own * p, p);
            upper[i] = Math.sqrt(dOwn) * (1 + SLACK);
            if (upper[i] < bound) continue;
            if (fullScan(i, own)) changed = true;
        }
        return changed;
    }

    /**
     * Nearest centre of point i exactly as plain Lloyd decides it (lowest index among equal
     * distances), plus the second-nearest distance for the lower bound; true if it moved.
     */
    private boolean fullScan(int i, int current) {
        int off = i * p;
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        double secondD = Double.POSITIVE_INFINITY;
        for (int l = 0; l < k; l++) {
            double d = dist(a, off, c, l * p, p);
            if (d < bestD) {
                secondD = bestD;
                bestD = d;
                best = l;
            } else if (d < secondD) {
                secondD = d;
            }
        }
        upper[i] = Math.sqrt(bestD) * (1 + SLACK);
        lower[i] = Math.sqrt(secondD) * (1 - SLACK);
        cl[i] = best;
        return best != current;
    }

    /** Means of the current assignment, summed in point order as plain Lloyd does; then bound drifts. */
    private void updateCenters() {
        System.arraycopy(c, 0, old, 0, c.length);
        KMeans.sumByCluster(a, n, p, cl, sum, nc);
        double maxDrift = 0;
        double secondDrift = 0;
        int maxAt = -1;
        for (int l = 0; l < k; l++) {
            if (nc[l] > 0) {
                double cnt = nc[l];
                for (int j = 0; j < p; j++) c[l * p + j] = sum[l * p + j] / cnt;
            }
            drift[l] = Math.sqrt(dist(c, l * p, old, l * p, p)) * (1 + SLACK);
            if (drift[l] > maxDrift) {
                secondDrift = maxDrift;
                maxDrift = drift[l];
                maxAt = l;
            } else if (drift[l] > secondDrift) {
                secondDrift = drift[l];
            }
        }
        for (int i = 0; i < n; i++) {
            int own = cl[i];
            upper[i] = (upper[i] + drift[own]) * (1 + SLACK);
            double lo = lower[i] - (own == maxAt ? secondDrift : maxDrift);
            lower[i] = lo > 0 ? lo * (1 - SLACK) : 0;
        }
    }

    /** half[l]: half the distance from centre l to its nearest other centre. */
    private void computeHalfGaps() {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int l = 0; l < k; l++) {
            for (int m = l + 1; m < k; m++) {
                double d = Math.sqrt(dist(c, l * p, c, m * p, p)) * 0.5 * (1 - SLACK);
                if (d < half[l]) half[l] = d;
                if (d < half[m]) half[m] = d;
            }
        }
    }
}
