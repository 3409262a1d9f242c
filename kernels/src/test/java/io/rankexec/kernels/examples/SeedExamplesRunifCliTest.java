package io.rankexec.kernels.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.kernels.cli.CliRunner;
import io.rankexec.kernels.runif.RunifKernel;
import io.rankexec.rng.Mt2203;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code rxExec(runif, 500, timesToRun=5, RNGkind="MT2203", RNGseed=14)} as a command line:
 * {@code rankexec --rng MT2203 --seed 14 runif --n 500 --times 5}.
 */
class SeedExamplesRunifCliTest {

    private record Run(int code, List<String> lines, String err) {
        List<String> results() {
            return lines.stream().filter(l -> !l.startsWith("time:")).toList();
        }
    }

    private static Run cli(String... args) {
        CliRunner r = CliRunner.run(args);
        return new Run(r.code(), Arrays.asList(r.out().split("\n")), r.err());
    }

    /** One line per task: task stream i's first values, mean and checksum; identical for any threads/chunks/schedule. */
    @Test
    void rxExec_runifCli_MT2203_seed14_linesAreTaskStreamsAndRepeat() {
        Run r = cli("--quiet", "--threads", "1", "--rng", "MT2203", "--seed", "14", "runif", "--n", "500", "--times", "5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.results();
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("runif n=500 times=5 ("), lines.get(0));
        for (int i = 0; i < 5; i++) {
            double[] u = new double[500];
            Mt2203.forTask(14, i).fill(u, 0, 500); // MKL vslNewStreamEx(MT2203 + i, 2, {14, i}), verified in rng
            double mean = Arrays.stream(u).sum() / 500;
            String expected = String.format(Locale.ROOT, "task %d: %.7f %.7f %.7f ... mean=%.6f checksum=%016x",
                    i, u[0], u[1], u[2], mean, RunifKernel.checksum(u));
            assertEquals(expected, lines.get(i + 1));
        }
        for (String[] variant : List.of(new String[] {"--threads", "3", "--chunk-size", "1"},
                new String[] {"--threads", "2", "--chunk-size", "2", "--schedule", "static"})) {
            List<String> args = new java.util.ArrayList<>(List.of("--quiet"));
            args.addAll(List.of(variant));
            args.addAll(List.of("--rng", "MT2203", "--seed", "14", "runif", "--n", "500", "--times", "5"));
            assertEquals(lines, cli(args.toArray(String[]::new)).results(), String.join(" ", variant));
        }
    }

    /** The kernel draws in blocks of 4096; a vector longer than a block has the checksum of one fill. */
    @Test
    void runifKernel_blockwiseSummaryEqualsOneFill() {
        double[] u = new double[10_000];
        new Mt2203(14, 3).fill(u, 0, u.length);
        RunifKernel.TaskSummary s = RunifKernel.summarize(3, new Mt2203(14, 3), 10_000, 2);
        assertEquals(RunifKernel.checksum(u), s.checksum());
        assertEquals(Arrays.stream(u).sum() / u.length, s.mean(), 1e-12);
        assertEquals(List.of(u[0], u[1]), List.of(s.first()[0], s.first()[1]));
    }

    /** Bad input gets one line naming the option and exit code 2. */
    @Test
    void runifCli_badN_oneLineUsageError() {
        Run r = cli("--quiet", "runif", "--n", "0");
        assertEquals(2, r.code());
        assertEquals("rankexec: error: --n must be >= 1, got 0", r.err().strip());
    }
}
