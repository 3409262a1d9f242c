package io.rankexec.kernels.examples;

import static io.rankexec.kernels.examples.SeedExamples.assertWithinSigmas;
import static io.rankexec.kernels.examples.SeedExamples.binomialSe;
import static io.rankexec.kernels.examples.SeedExamples.run;
import static io.rankexec.kernels.examples.SeedExamples.runList;
import static io.rankexec.kernels.examples.SeedExamples.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;
import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.support.DataMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every code example of seeds/doRSR-foreach.txt ("Parallel execution using doRSR"): foreach loops
 * become element jobs, {@code .combine} a {@link Combiner}. See docs/seed-examples.md.
 */
class SeedExamplesDoRsrTest {

    /** {@code foreach(i=1:3) %dopar% sqrt(i)} prints 1, 1.414214, 1.732051. */
    @Test
    void doRSR_foreachSqrt_listOfSquareRoots() {
        List<Double> r = runList(2, JobSpec.overElements(List.of(1, 2, 3), (ctx, i) -> Math.sqrt(i)).build());
        assertEquals(3, r.size());
        double[] printedByR = {1, 1.414214, 1.732051};
        for (int i = 0; i < 3; i++) assertEquals(printedByR[i], r.get(i), 5e-7);
    }

    /**
     * {@code a <- matrix(1:16, 4, 4); b <- t(a); foreach(b=iter(b, by='col'), .combine=cbind)
     * %dopar% (a %*% b)}: one task per column of b, cbind in order, the product printed by R.
     */
    @Test
    void doRSR_matrixMultiply_iterByCol_combineCbind_givesRsProduct() {
        double[][] a = new double[4][4];
        for (int j = 0; j < 4; j++) for (int i = 0; i < 4; i++) a[i][j] = 1 + i + 4 * j; // column-major fill
        List<double[]> columnsOfB = new ArrayList<>(); // column j of t(a) is row j of a
        for (int j = 0; j < 4; j++) columnsOfB.add(a[j].clone());

        JobSpec<double[], double[]> spec = JobSpec.overElements(columnsOfB, (ctx, bcol) -> {
            double[][] am = ctx.shared("a", double[][].class);
            double[] out = new double[4];
            for (int i = 0; i < 4; i++) for (int k = 0; k < 4; k++) out[i] += am[i][k] * bcol[k];
            return out;
        }).share("a", a).chunkSize(1).build();
        // .combine=cbind: an in-order fold appending columns (.inorder=TRUE is foreach's default)
        Combiner<double[], List<double[]>> cbind = Combiner.inOrder(ArrayList::new, (List<double[]> m, double[] col) -> {
            m.add(col);
            return m;
        });
        List<double[]> columns = run(3, spec, cbind);

        double[][] printedByR = {
            {276, 304, 332, 360},
            {304, 336, 368, 400},
            {332, 368, 404, 440},
            {360, 400, 440, 480}};
        for (int i = 0; i < 4; i++) {
            double[] row = new double[4];
            for (int j = 0; j < 4; j++) row[j] = columns.get(j)[i];
            assertArrayEquals(printedByR[i], row, 0.0, "row " + (i + 1));
        }
    }

    /** {@code z1 <- foreach(i=1:10000, .options.rsr=list(chunkSize=2000)) %dopar% playDice(); table(unlist(z1))} */
    @Test
    void doRSR_playDice_foreach10000_chunk2000_tableNearExactWinRate() {
        List<Integer> i = IntStream.rangeClosed(1, 10_000).boxed().toList();
        JobSpec<Integer, String> spec = JobSpec.overElements(i, (ctx, ignored) -> SeedFunctions.playDice(ctx.rng()))
                .chunkSize(2000).build();
        Map<String, Long> z1 = run(2, spec, table());
        assertEquals(10_000L, z1.get("Loss") + z1.get("Win"));
        double p = 244.0 / 495.0;
        assertWithinSigmas(p * 10_000, z1.get("Win"), 10_000 * binomialSe(p, 10_000), 4, "wins");
    }

    /**
     * {@code kMeansForeach(x, centers, iter.max, nstart)}: {@code foreach(i=1:numTimes) %dopar%
     * kmeans(...)} then the best within-SS. On well-separated blobs the best of 20 reaches the
     * generating partition, and the fold "keep the better fit" as a combiner gives the same fit.
     */
    @Test
    void doRSR_kMeansForeach_20fits_bestReachesTruePartition() {
        DataMatrix x = SeedFunctions.blobs(5, 100, 4, 21);
        int numTimes = 20;
        JobSpec<Integer, KMeansResult> spec = JobSpec.overElements(IntStream.rangeClosed(1, numTimes).boxed().toList(),
                (ctx, i) -> KMeans.fit(KMeans.Algorithm.HARTIGAN_WONG, ctx.shared("x", DataMatrix.class), 5, 35, ctx.rng()))
                .share("x", x).build();
        List<KMeansResult> results = runList(2, spec);
        KMeansResult best = SeedFunctions.findKmeansBest(results);
        assertTrue(best.totalWithinSS() <= SeedFunctions.blobPartitionSS(x, 5, 100) * (1 + 1e-9));

        Combiner<KMeansResult, KMeansResult> keepBest = Combiner.inOrder(() -> null,
                (KMeansResult acc, KMeansResult r) -> acc == null || r.totalWithinSS() < acc.totalWithinSS() ? r : acc);
        assertEquals(best.totalWithinSS(), run(2, spec, keepBest).totalWithinSS(), 0.0);
    }
}
