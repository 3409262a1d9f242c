package io.rankexec.kernels.cli;

import io.rankexec.core.job.UsageException;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.birthday.BirthdayKernel;
import io.rankexec.kernels.birthday.BirthdayPlot;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

@Command(name = "birthday", mixinStandardHelpOptions = true,
        description = {"The birthday problem (the seed's pbirthday): one task per group size.",
                "With --output: birthday.csv and birthday.png (probability vs party size, coloured by worker)."})
final class BirthdayCommand extends KernelCommand {

    @Option(names = "--sizes", paramLabel = "LIST", description = "Group sizes, e.g. 2:100 or 3,25,50 (default: ${DEFAULT-VALUE}).")
    String sizes = "2:100";

    @Option(names = "--tests", paramLabel = "N", description = "Simulated groups per size (default: ${DEFAULT-VALUE}).")
    int tests = 5000;

    private List<Integer> groupSizes;

    @Override
    void prepare() {
        groupSizes = Converters.intList("--sizes", sizes);
        if (groupSizes.isEmpty()) throw new UsageException("--sizes is empty");
        // sizes above 100000 are refused by BirthdayKernel ("group size must be <= 100000")
        for (int n : groupSizes) if (n < 1) throw new UsageException("--sizes must be >= 1, got " + n);
        atLeast("--tests", tests, 1);
    }

    @Override
    void execute(Engine engine, JobSettings settings) throws IOException {
        List<BirthdayKernel.Point> points = BirthdayKernel.run(engine, groupSizes, tests, settings);
        double maxZ = 0;
        for (BirthdayKernel.Point p : points) {
            double z = p.standardError() > 0 ? (p.probability() - p.exact()) / p.standardError() : 0;
            maxZ = Math.max(maxZ, Math.abs(z));
            out().println(fmt("birthday n=%d p=%.4f exact=%.4f z=%+.2f", p.groupSize(), p.probability(), p.exact(), z));
        }
        out().println(fmt("birthday sizes=%d tests=%d max|z|=%.2f %s", points.size(), tests, maxZ, provenance(settings)));
        Path csv = outputFile("birthday.csv");
        if (csv != null) {
            BirthdayPlot.writeCsv(csv, points);
            wrote(csv);
            Path png = outputFile("birthday.png");
            BirthdayPlot.writePng(png, points);
            wrote(png);
        }
    }
}
