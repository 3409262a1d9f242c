package io.rankexec.kernels.cli;

import io.rankexec.core.job.UsageException;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.bootstrap.BootstrapKernel;
import io.rankexec.kernels.bootstrap.BootstrapSummary;
import io.rankexec.kernels.bootstrap.IrisData;
import io.rankexec.kernels.bootstrap.Statistic;
import io.rankexec.kernels.bootstrap.Statistics;
import io.rankexec.kernels.support.CsvMatrixReader;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Nonparametric bootstrap with percentile and normal confidence intervals; one task per replicate.",
                "Default: the doRedis example, logistic regression (IRLS) of virginica on Sepal.Length over iris's",
                "non-setosa rows. With --data FILE: --statistic mean|median per column, or logit (response column --response)."})
final class BootstrapCommand extends KernelCommand {

    @Option(names = "--replicates", paramLabel = "N", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates = 100_000;

    @Option(names = "--level", paramLabel = "P", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level = 0.95;

    @Option(names = "--data", paramLabel = "FILE", description = "Numeric CSV file (default: iris, the doRedis example).")
    java.nio.file.Path data;

    @Option(names = "--statistic", paramLabel = "NAME", description = "mean, median or logit (default: logit for iris, mean for --data).")
    String statistic;

    @Option(names = "--response", paramLabel = "COL", description = "1-based response column for logit (default: last).")
    Integer response;

    private DataMatrix matrix;
    private Statistic stat;
    private String statName;
    private List<String> labels;

    @Override
    void prepare() {
        atLeast("--replicates", replicates, 2);
        if (!(level > 0 && level < 1)) throw new UsageException("--level must be in (0, 1), got " + level);
        matrix = data == null ? IrisData.sepalLengthVsVirginica() : CsvMatrixReader.read(data);
        statName = statistic == null ? (data == null ? "logit" : "mean") : statistic.toLowerCase(Locale.ROOT);
        if (matrix.rows() < 2) throw new UsageException("bootstrap needs at least 2 rows, " + data + " has " + matrix.rows());
        List<String> names = new ArrayList<>();
        for (int j = 0; j < matrix.cols(); j++) names.add(matrix.names().isEmpty() ? "V" + (j + 1) : matrix.names().get(j));
        switch (statName) {
            case "mean" -> { stat = Statistics.columnMeans(); labels = names; }
            case "median" -> { stat = Statistics.columnMedians(); labels = names; }
            case "logit" -> {
                if (matrix.cols() < 2) throw new UsageException("--statistic logit needs a response and at least one predictor column");
                int col = response == null ? matrix.cols() : response;
                if (col < 1 || col > matrix.cols())
                    throw new UsageException("--response " + col + " is not a column of the data (1.." + matrix.cols() + ")");
                for (int i = 0; i < matrix.rows(); i++) {
                    double y = matrix.get(i, col - 1);
                    if (y != 0 && y != 1)
                        throw new UsageException("--statistic logit needs a 0/1 response; row " + (i + 1) + " of column " + col + " is " + y);
                }
                stat = Statistics.logisticRegression(col - 1);
                labels = new ArrayList<>();
                labels.add("(Intercept)");
                for (int j = 0; j < matrix.cols(); j++) if (j != col - 1) labels.add(names.get(j));
            }
            default -> throw new UsageException("--statistic '" + statistic + "' is not mean, median or logit");
        }
        if (response != null && !statName.equals("logit")) throw new UsageException("--response only applies to --statistic logit");
    }

    @Override
    void execute(Engine engine, JobSettings settings) throws IOException {
        BootstrapKernel.Result r = BootstrapKernel.run(engine, matrix, stat, statName, replicates, level, settings);
        BootstrapSummary s = r.summary();
        out().println(fmt("bootstrap statistic=%s data=%s replicates=%d ok=%d failed=%d level=%.3f %s", statName,
                data == null ? "iris(non-setosa)" : data.toString(), replicates, s.replicates(),
                r.failedReplicates().size(), level, provenance(settings)));
        for (int j = 0; j < s.t0().length; j++) {
            out().println(fmt("bootstrap %-14s t0=%.8f bias=%.6f se=%.6f normal=[%.6f, %.6f] percentile=[%.6f, %.6f]",
                    labels.get(j), s.t0()[j], s.bias()[j], s.se()[j], s.normalLower()[j], s.normalUpper()[j],
                    s.percentileLower()[j], s.percentileUpper()[j]));
        }
        if (!r.failedReplicates().isEmpty()) out().println("bootstrap first failed replicate: " + r.failedReplicates().get(0));
    }
}
