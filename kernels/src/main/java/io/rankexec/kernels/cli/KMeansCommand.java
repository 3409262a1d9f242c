package io.rankexec.kernels.cli;

import io.rankexec.core.job.UsageException;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansKernel;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.support.CsvMatrixReader;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

@Command(name = "kmeans", mixinStandardHelpOptions = true,
        description = {"Naive parallel k-means restarts (the seed's kMeansRSR): one task per start, best total within-SS wins.",
                "Data: --data FILE (numeric CSV, optional header) or --generate ROWSxCOLS standard normals (default 5000x50).",
                "With --output: kmeans-centers.csv and kmeans-cluster.csv."})
final class KMeansCommand extends KernelCommand {

    enum Algo { HARTIGAN_WONG, LLOYD }

    @Option(names = "--data", paramLabel = "FILE", description = "Numeric CSV file, one point per row.")
    Path data;

    @Option(names = "--generate", paramLabel = "ROWSxCOLS", description = "Generate standard normal data (default: 5000x50).")
    String generate;

    @Option(names = "--data-seed", paramLabel = "N", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long dataSeed = 1;

    @Option(names = "--k", paramLabel = "K", description = "Clusters (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--iter-max", paramLabel = "N", description = "Iteration limit per start (default: ${DEFAULT-VALUE}).")
    int iterMax = 35;

    @Option(names = "--nstart", paramLabel = "N", description = "Random starts, one task each (default: ${DEFAULT-VALUE}).")
    int nstart = 400;

    @Option(names = "--algorithm", paramLabel = "NAME", converter = AlgoConverter.class,
            description = "hartigan-wong (R's default, AS 136) or lloyd (Hamerly's bounds: the same fit as plain Lloyd, fewer distances on clustered data) (default: hartigan-wong).")
    Algo algorithm = Algo.HARTIGAN_WONG;

    @Option(names = "--init", paramLabel = "NAME", converter = InitConverter.class,
            description = "Initial centres: random (k distinct rows, as R) or kmeans++ (default: random).")
    KMeans.Init init = KMeans.Init.RANDOM;

    private DataMatrix matrix;
    private String source;

    static final class AlgoConverter implements picocli.CommandLine.ITypeConverter<Algo> {
        @Override
        public Algo convert(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (s.equals("hartigan-wong") || s.equals("hw")) return Algo.HARTIGAN_WONG;
            if (s.equals("lloyd") || s.equals("forgy")) return Algo.LLOYD;
            throw new picocli.CommandLine.TypeConversionException("'" + v + "' is not hartigan-wong or lloyd");
        }
    }

    static final class InitConverter implements picocli.CommandLine.ITypeConverter<KMeans.Init> {
        @Override
        public KMeans.Init convert(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (s.equals("random")) return KMeans.Init.RANDOM;
            if (s.equals("kmeans++") || s.equals("k-means++") || s.equals("plusplus")) return KMeans.Init.KMEANS_PLUS_PLUS;
            throw new picocli.CommandLine.TypeConversionException("'" + v + "' is not random or kmeans++");
        }
    }

    @Override
    void prepare() {
        atLeast("--k", k, 2);
        atLeast("--iter-max", iterMax, 1);
        atLeast("--nstart", nstart, 1);
        if (data != null && generate != null) throw new UsageException("give either --data or --generate, not both");
        if (data != null) {
            matrix = CsvMatrixReader.read(data);
            source = data.toString();
        } else {
            String g = generate == null ? "5000x50" : generate.trim();
            String[] parts = g.toLowerCase(Locale.ROOT).split("x");
            int rows, cols;
            try {
                if (parts.length != 2) throw new NumberFormatException();
                rows = Integer.parseInt(parts[0].trim());
                cols = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--generate '" + g + "' is not ROWSxCOLS, e.g. 5000x50");
            }
            if (rows < 1 || cols < 1) throw new UsageException("--generate " + g + " must have at least 1 row and 1 column");
            if ((long) rows * cols > 100_000_000L) throw new UsageException("--generate " + g + " exceeds 100000000 values");
            matrix = KMeansKernel.generateNormal(rows, cols, root.engine.settings().rng(), dataSeed);
            source = "generated " + rows + "x" + cols + " N(0,1), data-seed=" + dataSeed;
        }
        String where = data != null ? data.toString() : "the generated data";
        if (k >= matrix.rows())
            throw new UsageException("--k " + k + (k == matrix.rows() ? " equals" : " exceeds") + " the " + matrix.rows()
                    + " rows of " + where + " (k must be less than the number of rows)");
        long distinct = matrix.distinctRows();
        if (distinct < k)
            throw new UsageException("--k " + k + " exceeds the " + distinct + " distinct rows of " + where);
    }

    @Override
    void execute(Engine engine, JobSettings settings) throws IOException {
        KMeans.Algorithm alg = algorithm == Algo.LLOYD ? KMeans.Algorithm.LLOYD : KMeans.Algorithm.HARTIGAN_WONG;
        KMeansKernel.Result r = KMeansKernel.run(engine, matrix, k, iterMax, nstart, alg, init, settings);
        KMeansResult b = r.best();
        out().println(fmt("kmeans data=%dx%d (%s) k=%d iter-max=%d nstart=%d algorithm=%s init=%s %s", matrix.rows(),
                matrix.cols(), source, k, iterMax, nstart, alg == KMeans.Algorithm.LLOYD ? "Lloyd" : "Hartigan-Wong",
                init == KMeans.Init.RANDOM ? "random" : "kmeans++", provenance(settings)));
        out().println(fmt("kmeans best tot.withinss=%.6f restart=%d iterations=%d converged=%b (%d of %d starts converged)",
                b.totalWithinSS(), b.restart(), b.iterations(), b.converged(), r.convergedRestarts(), r.restarts()));
        out().println("kmeans sizes=" + Arrays.toString(b.sizes()));
        out().println("kmeans withinss=" + Arrays.stream(b.withinss()).mapToObj(v -> fmt("%.4f", v))
                .collect(Collectors.joining(", ", "[", "]")));
        Path centers = outputFile("kmeans-centers.csv");
        if (centers != null) {
            try (BufferedWriter w = Files.newBufferedWriter(centers)) {
                for (int l = 0; l < b.k(); l++) {
                    StringBuilder line = new StringBuilder();
                    for (int j = 0; j < b.dims(); j++) line.append(j == 0 ? "" : ",").append(b.centers()[l * b.dims() + j]);
                    w.write(line.toString());
                    w.newLine();
                }
            }
            wrote(centers);
            Path cluster = outputFile("kmeans-cluster.csv");
            try (BufferedWriter w = Files.newBufferedWriter(cluster)) {
                for (int c : b.cluster()) {
                    w.write(Integer.toString(c + 1)); // 1-based, as R's $cluster
                    w.newLine();
                }
            }
            wrote(cluster);
        }
    }
}
