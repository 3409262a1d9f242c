package io.rankexec.kernels.kmeans;

import io.rankexec.kernels.support.DataMatrix;

import java.util.Arrays;

/**
 * Hartigan and Wong's algorithm AS 136 as R's kmns.f runs it (optimal-transfer and quick-transfer
 * stages, live sets, quick-transfer steps capped at 50 m), taking exactly kmns.f's decisions with
 * less arithmetic. Indices are 0-based; "step" counters keep AS 136's 1-based meaning.
 * <p>
 * What is done differently, and why the decisions stay AS 136's:
 * <ul>
 * <li>Rows and centres are copied with zero padding to a multiple of 4 coordinates, and distances
 *     are computed several at a time ({@link SquaredDistance}): the same bits as one by one.</li>
 * <li>AS 136 keeps {@code D(i)}, point i's scaled distance to its own centre, and refreshes it
 *     whenever that centre may have moved; so every value it reads equals a fresh computation from
 *     the current centre. Here it is computed fresh where it is read (the optimal-transfer test,
 *     and a quick-transfer test that is not skipped).</li>
 * <li>Quick transfer skips a point when triangle-inequality bounds prove it stays: an upper bound
 *     on its distance to centre IC1 and a lower bound on its distance to IC2, moved by how far
 *     those centres travelled since ({@code drift}: the summed lengths of their moves). A point is
 *     skipped only if {@code low^2 * AN2(IC2) > up^2 * AN1(IC1)} holds with a relative margin of
 *     1e-9, a million times the rounding of any distance, so AS 136's own comparison could not
 *     have moved it. Points are screened a block at a time, the distances of those left are
 *     computed together, then AS 136's steps are replayed in order; a transfer voids the rest of
 *     the block, which is screened again.</li>
 * </ul>
 * The test suite checks every assignment, iteration count and convergence flag against a
 * line-by-line transcription of kmns.f.
 */
final class HartiganWong {

    private static final double BIG = 1.0e30;
    /** Relative margin on every bound proof, far above the ~1e-15 rounding of a distance. */
    private static final double SLACK = 1e-9;
    /** Room for cluster sizes to change before a pair's rho must be raised (which re-keys its points). */
    private static final double RHO_HEADROOM = 1e-4;
    /** Points screened per quick-transfer block; transfers come every ~100+ steps on large data. */
    private static final int BLOCK = 32;

    private final DataMatrix data;
    private final int m;
    private final int n;
    private final int k;
    private final int stride;
    private final int maxQuickSteps;
    private final double[] a;
    private final double[] c;
    private final int[] ic1;
    private final int[] ic2;
    private final int[] nc;
    private final double[] an1;
    private final double[] an2;
    private final int[] ncp;
    private final boolean[] itran;
    private final int[] live;
    private final double[] toCentres;
    private int indx;

    // Bounds: point i stays in IC1 while key[i] > threshold[IC1 * k + IC2]. A key belongs to the point's
    // current pair: every change of IC1 or IC2 is followed by setBounds or clears the key.
    private final double[] drift;
    private final double[] upperBase;
    private final double[] lowerBase;
    private final double[] key;
    private final double[] rho;
    private final double[] threshold;

    // Quick-transfer block state.
    private final int[] candidates = new int[BLOCK];
    private final double[] candidateDistances = new double[2 * BLOCK];
    private final double[] four = new double[4];
    private int icoun;
    private int istep;
    private int resumeAt;

    HartiganWong(DataMatrix data, double[] initialCenters, int k) {
        this(data, initialCenters, k, 50 * data.rows());
    }

    /** maxQuickSteps: R's cap (50 m) unless a test wants the cap to bite. */
    HartiganWong(DataMatrix data, double[] initialCenters, int k, int maxQuickSteps) {
        this.data = data;
        this.m = data.rows();
        this.n = data.cols();
        this.k = k;
        this.stride = (n + 3) & ~3;
        this.maxQuickSteps = maxQuickSteps;
        this.a = padded(data.values(), m, n, stride);
        this.c = padded(initialCenters, k, n, stride);
        this.ic1 = new int[m];
        this.ic2 = new int[m];
        this.nc = new int[k];
        this.an1 = new double[k];
        this.an2 = new double[k];
        this.ncp = new int[k];
        this.itran = new boolean[k];
        this.live = new int[k];
        this.toCentres = new double[k];
        this.drift = new double[k];
        this.upperBase = new double[m];
        this.lowerBase = new double[m];
        this.key = new double[m];
        this.rho = new double[k * k];
        this.threshold = new double[k * k];
        Arrays.fill(key, Double.NEGATIVE_INFINITY);
    }

    private static double[] padded(double[] values, int rows, int cols, int stride) {
        if (stride == cols) return values.clone();
        double[] out = new double[rows * stride];
        for (int i = 0; i < rows; i++) System.arraycopy(values, i * cols, out, i * stride, cols);
        return out;
    }

    KMeansResult run(int iterMax) {
        assignTwoClosest();
        computeCenters();
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= iterMax; iter++) {
            optimalTransfer();
            if (indx == m) {
                converged = true;
                break;
            }
            if (!quickTransfer()) break; // R: ifault 4, result kept, not converged
            if (k == 2) {
                converged = true;
                break;
            }
            Arrays.fill(ncp, 0);
        }
        return KMeans.summarize(data, ic1, k, Math.min(iter, iterMax), converged);
    }

    /** For each point, its two closest centres IC1 and IC2; assigned to IC1. */
    private void assignTwoClosest() {
        for (int i = 0; i < m; i++) {
            SquaredDistance.BEST.toAll(a, i * stride, c, k, stride, toCentres);
            int b1 = 0;
            int b2 = 1;
            double d1 = toCentres[0];
            double d2 = toCentres[1];
            if (d1 > d2) {
                b1 = 1;
                b2 = 0;
                double t = d1;
                d1 = d2;
                d2 = t;
            }
            for (int l = 2; l < k; l++) {
                double db = toCentres[l];
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
        double[] sums = new double[k * n];
        KMeans.sumByCluster(data.values(), m, n, ic1, sums, nc); // AS 136's m points of n coordinates
        for (int l = 0; l < k; l++) {
            if (nc[l] == 0) throw new IllegalStateException("empty cluster: try a better set of initial centers");
            double aa = nc[l];
            for (int j = 0; j < n; j++) c[l * stride + j] = sums[l * n + j] / aa;
            an2[l] = aa / (aa + 1.0);
            an1[l] = aa > 1.0 ? aa / (aa - 1.0) : BIG;
            itran[l] = true;
            ncp[l] = -1;
        }
        for (int l1 = 0; l1 < k; l1++) {
            for (int l2 = 0; l2 < k; l2++) {
                rho[l1 * k + l2] = rhoFor(l1, l2);
                threshold[l1 * k + l2] = thresholdFor(l1, l2);
            }
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
                SquaredDistance.BEST.toAll(a, i * stride, c, k, stride, toCentres);
                double own = toCentres[l1] * an1[l1]; // AS 136's D(I)
                int ll = ic2[i];
                int l2 = ll;
                double r2 = toCentres[l2] * an2[l2];
                boolean l1Dead = step >= live[l1];
                for (int l = 0; l < k; l++) {
                    if ((l1Dead && step >= live[l]) || l == l1 || l == ll) continue;
                    double rr = r2 / an2[l];
                    double dc = toCentres[l];
                    if (dc >= rr) continue;
                    r2 = dc * an2[l];
                    l2 = l;
                }
                if (r2 >= own) {
                    ic2[i] = l2;
                    setBounds(i, l1, toCentres[l1], l2, toCentres[l2]);
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

    /**
     * AS 136.2: swap points between IC1 and IC2 until no swap in m steps; false if the step cap
     * hit. Runs a block of points at a time: screen, compute, replay (class comment).
     */
    private boolean quickTransfer() {
        icoun = 0;
        istep = 0;
        while (true) {
            int i = 0;
            while (i < m) {
                int end = Math.min(m, i + BLOCK);
                int count = screen(i, end);
                distancesOfCandidates(count);
                switch (replay(i, end, count)) {
                    case DONE:
                        return true;
                    case STEP_CAP:
                        return false;
                    default:
                        i = resumeAt;
                }
            }
        }
    }

    /** Candidates[0..count): the points of [i, end) AS 136 would test and the bounds cannot settle. */
    private int screen(int i, int end) {
        int count = 0;
        for (int j = i; j < end; j++) {
            candidates[count] = j;
            count += key[j] > threshold[ic1[j] * k + ic2[j]] ? 0 : 1;
        }
        int kept = 0;
        for (int t = 0; t < count; t++) {
            int j = candidates[t];
            int l1 = ic1[j];
            int l2 = ic2[j];
            int step = istep + (j - i) + 1; // its step if no transfer comes first
            if (nc[l1] != 1 && (step < ncp[l1] || step < ncp[l2])) candidates[kept++] = j;
        }
        return kept;
    }

    private void distancesOfCandidates(int count) {
        int t = 0;
        for (; t + 2 <= count; t += 2) {
            int p1 = candidates[t];
            int p2 = candidates[t + 1];
            SquaredDistance.BEST.twoPoints(a, p1 * stride, p2 * stride, c,
                    ic1[p1] * stride, ic2[p1] * stride, ic1[p2] * stride, ic2[p2] * stride, stride, four);
            System.arraycopy(four, 0, candidateDistances, 2 * t, 4);
        }
        if (t < count) {
            int p = candidates[t];
            SquaredDistance.BEST.betweenTwo(a, p * stride, c, ic1[p] * stride, ic2[p] * stride, stride, four);
            System.arraycopy(four, 0, candidateDistances, 2 * t, 2);
        }
    }

    private enum Replay { DONE, STEP_CAP, GO_ON }

    /**
     * AS 136's steps over [i, end): counters advance over the steps that do nothing, candidates
     * are decided in order. GO_ON resumes at {@link #resumeAt}: after a transfer, the next point.
     */
    private Replay replay(int i, int end, int count) {
        int next = i;
        for (int t = 0; t < count; t++) {
            int j = candidates[t];
            Replay idle = idleSteps(j - next, true);
            if (idle != Replay.GO_ON) return idle;
            istep++;
            icoun++;
            next = j + 1;
            int l1 = ic1[j];
            int l2 = ic2[j];
            double d1 = candidateDistances[2 * t];
            double dd = candidateDistances[2 * t + 1];
            double r2 = d1 * an1[l1] / an2[l2]; // AS 136: D(I) / AN2(L2)
            if (dd < r2) {
                icoun = 0;
                indx = 0;
                itran[l1] = true;
                itran[l2] = true;
                ncp[l1] = istep + m;
                ncp[l2] = istep + m;
                transfer(j, l1, l2);
                resumeAt = next;
                return Replay.GO_ON;
            }
            setBounds(j, l1, d1, l2, dd);
            if (icoun == m) return Replay.DONE;
        }
        Replay idle = idleSteps(end - next, false);
        resumeAt = end;
        return idle;
    }

    /**
     * Advances the counters over {@code gap} steps that test nothing, stopping where AS 136 would:
     * the step cap is checked first in every step, then m steps without a transfer. With
     * {@code beforeCandidate}, the candidate's own step follows: its cap check counts here, its
     * "m steps" check comes after its test.
     */
    private Replay idleSteps(int gap, boolean beforeCandidate) {
        int toCap = maxQuickSteps - istep;
        int toQuiet = m - icoun;
        if (toCap <= gap + (beforeCandidate ? 1 : 0) && toCap <= toQuiet) return Replay.STEP_CAP;
        if (toQuiet <= gap) return Replay.DONE;
        istep += gap;
        icoun += gap;
        return Replay.GO_ON;
    }

    /** Moves point i from cluster l1 to l2, updating centres, counts, AN factors and drifts. */
    private void transfer(int i, int l1, int l2) {
        double al1 = nc[l1];
        double alw = al1 - 1.0;
        double al2 = nc[l2];
        double alt = al2 + 1.0;
        int off = i * stride;
        int c1 = l1 * stride;
        int c2 = l2 * stride;
        double moved1 = 0;
        double moved2 = 0;
        for (int j = 0; j < n; j++) {
            double o1 = c[c1 + j];
            double o2 = c[c2 + j];
            double n1 = (o1 * al1 - a[off + j]) / alw;
            double n2 = (o2 * al2 + a[off + j]) / alt;
            c[c1 + j] = n1;
            c[c2 + j] = n2;
            moved1 += (n1 - o1) * (n1 - o1);
            moved2 += (n2 - o2) * (n2 - o2);
        }
        drift[l1] += Math.sqrt(moved1) * (1 + SLACK);
        drift[l2] += Math.sqrt(moved2) * (1 + SLACK);
        nc[l1]--;
        nc[l2]++;
        an2[l1] = alw / al1;
        an1[l1] = alw > 1.0 ? alw / (alw - 1.0) : BIG;
        an1[l2] = alt / al2;
        an2[l2] = alt / (alt + 1.0);
        ic1[i] = l2;
        ic2[i] = l1;
        key[i] = Double.NEGATIVE_INFINITY; // no bounds until its distances are computed again
        for (int o = 0; o < k; o++) {
            refreshPair(l1, o);
            refreshPair(o, l1);
            refreshPair(l2, o);
            refreshPair(o, l2);
        }
    }

    // ---- bounds ----
    // With up = upperBase + drift[l1] >= |x - c(l1)| and low = lowerBase - drift[l2] <= |x - c(l2)|,
    // the point stays if low > rho * up, rho >= sqrt(AN1(l1) (1 + SLACK) / AN2(l2)); rearranged as
    // key = lowerBase - rho * upperBase > drift[l2] + rho * drift[l1] = threshold, each side
    // nudged by 1e-12 against its own rounding.

    private void setBounds(int i, int l1, double d1, int l2, double d2) {
        double up = Math.sqrt(d1) - drift[l1];
        double low = Math.sqrt(d2) + drift[l2];
        int p = l1 * k + l2;
        upperBase[i] = up;
        lowerBase[i] = low;
        key[i] = keyOf(up, low, rho[p]);
    }

    private static double keyOf(double up, double low, double r) {
        double ru = r * up;
        return (low - ru) - 1e-12 * (Math.abs(low) + Math.abs(ru));
    }

    private double rhoFor(int l1, int l2) {
        return Math.sqrt(an1[l1] / an2[l2]) * (1 + SLACK) * (1 + RHO_HEADROOM);
    }

    private double thresholdFor(int l1, int l2) {
        return (drift[l2] + rho[l1 * k + l2] * drift[l1]) * (1 + 1e-12);
    }

    /** After sizes or drifts of a pair's clusters change: its threshold, and rho if it no longer bounds. */
    private void refreshPair(int l1, int l2) {
        if (l1 == l2) return;
        int p = l1 * k + l2;
        double needed = an1[l1] / an2[l2] * (1 + SLACK) * (1 + SLACK) * (1 + 1e-12);
        if (needed > rho[p] * rho[p]) {
            rho[p] = rhoFor(l1, l2);
            for (int i = 0; i < m; i++) {
                if (ic1[i] * k + ic2[i] == p && key[i] != Double.NEGATIVE_INFINITY) key[i] = keyOf(upperBase[i], lowerBase[i], rho[p]);
            }
        }
        threshold[p] = thresholdFor(l1, l2);
    }
}
