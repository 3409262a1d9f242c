package io.rankexec.kernels.kmeans;

import io.rankexec.kernels.support.DataMatrix;

import static io.rankexec.kernels.kmeans.KMeans.dist;

/**
 * A line-by-line transcription of R's kmns.f (AS 136 with R's changes), kept as the test oracle:
 * it stores D(I) and refreshes it exactly where kmns.f does, computes every distance one at a
 * time and skips nothing. {@link HartiganWong} must take the very same decisions.
 */
final class As136Reference {

    private static final double BIG = 1.0e30;

    private final int m;
    private final int n;
    private final int k;
    private final double[] a;
    private final double[] c;
    private final int[] ic1;
    private final int[] ic2;
    private final int[] nc;
    private final double[] an1;
    private final double[] an2;
    private final int[] ncp;
    private final double[] d;
    private final boolean[] itran;
    private final int[] live;
    private final double[] pair = new double[2];
    private int indx;
    private final int maxQuickSteps;

    As136Reference(DataMatrix data, double[] initialCenters, int k, int maxQuickSteps) {
        this.maxQuickSteps = maxQuickSteps;
        this.m = data.rows();
        this.n = data.cols();
        this.k = k;
        this.a = data.values();
        this.c = initialCenters.clone();
        this.ic1 = new int[m];
        this.ic2 = new int[m];
        this.nc = new int[k];
        this.an1 = new double[k];
        this.an2 = new double[k];
        this.ncp = new int[k];
        this.d = new double[m];
        this.itran = new boolean[k];
        this.live = new int[k];
    }

    KMeansResult run(int iterMax) {
        assignTwoClosest();
        computeCenters();
        int maxQtr = maxQuickSteps;
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= iterMax; iter++) {
            optimalTransfer();
            if (indx == m) {
                converged = true;
                break;
            }
            if (!quickTransfer(maxQtr)) break; // R: ifault 4, result kept, not converged
            if (k == 2) {
                converged = true;
                break;
            }
            java.util.Arrays.fill(ncp, 0);
        }
        int iterations = Math.min(iter, iterMax);
        return KMeans.summarize(new DataMatrix(m, n, a), ic1, k, iterations, converged);
    }

    /** For each point, its two closest centres IC1 and IC2; assigned to IC1. */
    private void assignTwoClosest() {
        for (int i = 0; i < m; i++) {
            int off = i * n;
            int b1 = 0;
            int b2 = 1;
            double d1 = dist(a, off, c, 0, n);
            double d2 = dist(a, off, c, n, n);
            if (d1 > d2) {
                b1 = 1;
                b2 = 0;
                double t = d1;
                d1 = d2;
                d2 = t;
            }
            for (int l = 2; l < k; l++) {
                double db = dist(a, off, c, l * n, n);
                if (db >= d2) continue;
                if (db >= d1) {
                    d2 = db;
                    b2 = l;
                } else {
                    d2 = d1;
                    b2 = b1;
                    d1 = db;
                    b1 = l;
                }
            }
            ic1[i] = b1;
            ic2[i] = b2;
        }
    }

    private void computeCenters() {
        KMeans.sumByCluster(a, m, n, ic1, c, nc); // AS 136's m points of n coordinates
        for (int l = 0; l < k; l++) {
            if (nc[l] == 0) throw new IllegalStateException("empty cluster: try a better set of initial centers");
            double aa = nc[l];
            for (int j = 0; j < n; j++) c[l * n + j] /= aa;
            an2[l] = aa / (aa + 1.0);
            an1[l] = aa > 1.0 ? aa / (aa - 1.0) : BIG;
            itran[l] = true;
            ncp[l] = -1;
        }
        indx = 0;
    }

    /** AS 136.1: one pass moving each point to the cluster giving the largest reduction of WSS. */
    private void optimalTransfer() {
        for (int l = 0; l < k; l++) if (itran[l]) live[l] = m + 1;
        for (int i = 0; i < m; i++) {
            int step = i + 1; // AS 136's 1-based point index
            indx++;
            int l1 = ic1[i];
            if (nc[l1] != 1) {
                int off = i * n;
                if (ncp[l1] != 0) d[i] = dist(a, off, c, l1 * n, n) * an1[l1];
                int ll = ic2[i];
                int l2 = ll;
                double r2 = dist(a, off, c, l2 * n, n) * an2[l2];
                boolean l1Dead = step >= live[l1];
                for (int l = 0; l < k; l++) {
                    if ((l1Dead && step >= live[l]) || l == l1 || l == ll) continue;
                    double rr = r2 / an2[l];
                    double dc = dist(a, off, c, l * n, n);
                    if (dc >= rr) continue;
                    r2 = dc * an2[l];
                    l2 = l;
                }
                if (r2 >= d[i]) {
                    ic2[i] = l2;
                } else {
                    indx = 0;
                    live[l1] = m + step;
                    live[l2] = m + step;
                    ncp[l1] = step;
                    ncp[l2] = step;
                    transfer(i, l1, l2);
                }
            }
            if (indx == m) return;
        }
        for (int l = 0; l < k; l++) {
            itran[l] = false;
            live[l] -= m;
        }
    }

    /** AS 136.2: swap points between IC1 and IC2 until no swap in m steps; false if the step cap hit. */
    private boolean quickTransfer(int maxSteps) {
        int icoun = 0;
        int istep = 0;
        while (true) {
            for (int i = 0; i < m; i++) {
                icoun++;
                istep++;
                if (istep >= maxSteps) return false;
                int l1 = ic1[i];
                int l2 = ic2[i];
                if (nc[l1] != 1) {
                    int off = i * n;
                    boolean own = istep <= ncp[l1];
                    boolean test = istep < ncp[l1] || istep < ncp[l2];
                    double dd = 0;
                    if (own && test) { // both distances in one pass over the point
                        SquaredDistance.BEST.betweenTwo(a, off, c, l1 * n, l2 * n, n, pair);
                        d[i] = pair[0] * an1[l1];
                        dd = pair[1];
                    } else if (own) {
                        d[i] = dist(a, off, c, l1 * n, n) * an1[l1];
                    } else if (test) {
                        dd = dist(a, off, c, l2 * n, n);
                    }
                    if (test) {
                        double r2 = d[i] / an2[l2];
                        if (dd < r2) {
                            icoun = 0;
                            indx = 0;
                            itran[l1] = true;
                            itran[l2] = true;
                            ncp[l1] = istep + m;
                            ncp[l2] = istep + m;
                            transfer(i, l1, l2);
                        }
                    }
                }
                if (icoun == m) return true;
            }
        }
    }

    /** Moves point i from cluster l1 to l2, updating centres, counts and the AN factors. */
    private void transfer(int i, int l1, int l2) {
        double al1 = nc[l1];
        double alw = al1 - 1.0;
        double al2 = nc[l2];
        double alt = al2 + 1.0;
        int off = i * n;
        int c1 = l1 * n;
        int c2 = l2 * n;
        for (int j = 0; j < n; j++) {
            c[c1 + j] = (c[c1 + j] * al1 - a[off + j]) / alw;
            c[c2 + j] = (c[c2 + j] * al2 + a[off + j]) / alt;
        }
        nc[l1]--;
        nc[l2]++;
        an2[l1] = alw / al1;
        an1[l1] = alw > 1.0 ? alw / (alw - 1.0) : BIG;
        an1[l2] = alt / al2;
        an2[l2] = alt / (alt + 1.0);
        ic1[i] = l2;
        ic2[i] = l1;
    }
}
