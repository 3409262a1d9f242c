package io.rankexec.kernels.kmeans;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One k-means fit, as R's {@code kmeans} returns it.
 *
 * @param k          number of clusters
 * @param dims       number of columns
 * @param centers    k x dims centres, row-major
 * @param sizes      points per cluster
 * @param withinss   within-cluster sum of squares per cluster
 * @param cluster    cluster (0-based) of each point
 * @param iterations iterations used (R's {@code iter})
 * @param converged  false if iter.max was reached (or Hartigan-Wong's quick-transfer step cap)
 * @param restart    index of the restart (task) that produced this fit, -1 for a direct call
 */
public record KMeansResult(int k, int dims, double[] centers, int[] sizes, double[] withinss, int[] cluster,
                           int iterations, boolean converged, int restart) implements Serializable {

    /** Sum of the within-cluster sums of squares, the criterion k-means minimizes. */
    public double totalWithinSS() {
        double s = 0;
        for (double w : withinss) s += w;
        return s;
    }

    /** The same fit labelled as coming from restart {@code index}. */
    public KMeansResult withRestart(int index) {
        return new KMeansResult(k, dims, centers, sizes, withinss, cluster, iterations, converged, index);
    }

    /**
     * The better of two fits: smaller total within-SS, ties to the lower restart index, so the
     * choice does not depend on the order results arrive in.
     */
    public static KMeansResult better(KMeansResult a, KMeansResult b) {
        if (a == null) return b;
        if (b == null) return a;
        int cmp = Double.compare(a.totalWithinSS(), b.totalWithinSS());
        if (cmp != 0) return cmp < 0 ? a : b;
        return a.restart() <= b.restart() ? a : b;
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k + ", tot.withinss=" + totalWithinSS() + ", sizes=" + Arrays.toString(sizes)
                + ", iter=" + iterations + ", converged=" + converged + ", restart=" + restart + "]";
    }
}
