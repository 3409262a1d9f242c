package io.rankexec.kernels.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.checkpoint.CheckpointJournal;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue #14.1: a resume must never continue another computation. For every kernel, a journal is
 * written by a base command; then each option that can change a result is changed in turn and
 * {@code --resume} must be refused (exit 2, "belongs to another job", journal untouched); the
 * unchanged command still resumes everything. The test also enumerates the kernels' options
 * from the CLI model, so a new option without a variant here fails it.
 */
class CheckpointIdentityTest {

    @TempDir Path dir;

    /** A base command (kernel args) and, per option, the same command with that option changed. */
    record Case(String name, List<String> base, Map<String, List<String>> variants) { }

    private Path logitData, logitDataChanged, logitDataOtherPath;

    private List<Case> cases() throws IOException {
        StringBuilder csv = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 30; i++) csv.append(i * 0.37 % 5).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                .append(i % 2).append('\n');
        logitData = Files.writeString(dir.resolve("logit.csv"), csv);
        logitDataOtherPath = Files.writeString(dir.resolve("logit-copy.csv"), csv.toString().replace("\n0.0,1,0\n", "\n0.5,1,0\n"));
        logitDataChanged = dir.resolve("logit-changed.csv");
        Files.writeString(logitDataChanged, csv.toString().replace("\n0.0,1,0\n", "\n0.25,1,0\n"));
        Path points = Files.writeString(dir.resolve("points.csv"),
                "1,2\n1.5,2.5\n8,9\n8.5,9.2\n0,0.1\n5,5\n5.2,5.1\n9,1\n9.1,1.3\n2,7\n");

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("birthday", List.of("birthday", "--sizes", "2:6", "--tests", "40"), Map.of(
                "--sizes", List.of("birthday", "--sizes", "2:7", "--tests", "40"),
                "--tests", List.of("birthday", "--sizes", "2:6", "--tests", "41"))));
        List<String> logit = List.of("bootstrap", "--data", logitData.toString(), "--statistic", "logit", "--response", "2",
                "--replicates", "40", "--level", "0.9");
        Map<String, List<String>> bootstrap = new LinkedHashMap<>();
        bootstrap.put("--response", with(logit, "--response", "3"));
        bootstrap.put("--replicates", with(logit, "--replicates", "41"));
        bootstrap.put("--level", with(logit, "--level", "0.95"));
        bootstrap.put("--data", with(logit, "--data", logitDataOtherPath.toString()));
        bootstrap.put("--statistic", List.of("bootstrap", "--data", logitData.toString(), "--statistic", "mean",
                "--replicates", "40", "--level", "0.9"));
        cases.add(new Case("bootstrap", logit, bootstrap));
        cases.add(new Case("dice", List.of("dice", "--games", "200", "--games-per-task", "10"), Map.of(
                "--games", List.of("dice", "--games", "210", "--games-per-task", "10"),
                "--games-per-task", List.of("dice", "--games", "200", "--games-per-task", "20"))));
        List<String> km = List.of("kmeans", "--generate", "40x2", "--data-seed", "1", "--k", "3", "--iter-max", "10",
                "--nstart", "6", "--algorithm", "hartigan-wong", "--init", "random");
        Map<String, List<String>> kmeans = new LinkedHashMap<>();
        kmeans.put("--generate", with(km, "--generate", "41x2"));
        kmeans.put("--data-seed", with(km, "--data-seed", "2"));
        kmeans.put("--k", with(km, "--k", "4"));
        kmeans.put("--iter-max", with(km, "--iter-max", "11"));
        kmeans.put("--nstart", with(km, "--nstart", "7"));
        kmeans.put("--algorithm", with(km, "--algorithm", "lloyd"));
        kmeans.put("--init", with(km, "--init", "kmeans++"));
        kmeans.put("--data", List.of("kmeans", "--data", points.toString(), "--k", "3", "--iter-max", "10",
                "--nstart", "6", "--algorithm", "hartigan-wong", "--init", "random"));
        cases.add(new Case("kmeans", km, kmeans));
        List<String> mb = List.of("mandelbrot", "--width", "16", "--height", "12", "--max-iter", "50");
        cases.add(new Case("mandelbrot", mb, Map.of(
                "--width", with(mb, "--width", "17"),
                "--height", with(mb, "--height", "13"),
                "--max-iter", with(mb, "--max-iter", "51"))));
        List<String> pi = List.of("pi", "--samples", "10000", "--tasks", "10");
        cases.add(new Case("pi", pi, Map.of(
                "--samples", with(pi, "--samples", "10001"),
                "--tasks", with(pi, "--tasks", "11"))));
        List<String> po = List.of("poisson", "--nobs", "40", "--trials", "2", "--times", "6");
        cases.add(new Case("poisson", po, Map.of(
                "--nobs", with(po, "--nobs", "41"),
                "--trials", with(po, "--trials", "3"),
                "--times", with(po, "--times", "7"))));
        List<String> ru = List.of("runif", "--n", "3", "--times", "5", "--show", "2");
        cases.add(new Case("runif", ru, Map.of(
                "--n", with(ru, "--n", "4"),
                "--times", with(ru, "--times", "6"),
                "--show", with(ru, "--show", "3"))));
        return cases;
    }

    private static List<String> with(List<String> base, String option, String value) {
        List<String> l = new ArrayList<>(base);
        int i = l.indexOf(option);
        if (i < 0) throw new IllegalArgumentException(option + " not in " + base);
        l.set(i + 1, value);
        return l;
    }

    private static String[] args(Path checkpoint, boolean resume, List<String> kernel, String... global) {
        List<String> a = new ArrayList<>(List.of("--threads", "2", "--checkpoint", checkpoint.toString()));
        if (resume) a.add("--resume");
        a.addAll(List.of(global));
        a.addAll(kernel);
        return a.toArray(String[]::new);
    }

    private static byte[] journal(Path checkpoint) throws IOException {
        return Files.readAllBytes(CheckpointJournal.fileIn(checkpoint.resolve("job-1")));
    }

    private static void assertRefused(CliRunner r, String what) {
        assertEquals(2, r.code(), what + ": exit code; stderr: " + r.err());
        assertTrue(r.err().contains("belongs to another job") || r.err().contains("was written with chunk size"),
                what + ": " + r.err());
        assertTrue(r.out().isEmpty(), what + ": no result printed: " + r.out());
    }

    @Test
    void changingAnyResultRelevantOptionOfAnyKernelRefusesTheJournalAndTheSameCommandResumes() throws IOException {
        for (Case c : cases()) {
            Path ckpt = dir.resolve("ckpt-" + c.name());
            CliRunner first = CliRunner.run(args(ckpt, false, c.base()));
            assertEquals(0, first.code(), c.name() + ": " + first.err());
            byte[] written = journal(ckpt);
            for (Map.Entry<String, List<String>> v : c.variants().entrySet()) {
                String what = c.name() + " with " + v.getKey() + " changed: " + v.getValue();
                assertRefused(CliRunner.run(args(ckpt, true, v.getValue())), what);
                assertArrayEquals(written, journal(ckpt), what + ": the journal is untouched");
            }
            CliRunner again = CliRunner.run(args(ckpt, true, c.base()));
            assertEquals(0, again.code(), c.name() + " resumed: " + again.err());
            assertEquals(first.results(), again.results(), c.name() + ": the resumed result is the same");
            assertTrue(again.err().matches("(?s).*resumed (\\d+)/\\1 tasks from checkpoint.*"), c.name() + ": " + again.err());
        }
    }

    @Test
    void theSameDataPathWithOtherContentIsRefused() throws IOException {
        cases();
        Path ckpt = dir.resolve("ckpt");
        List<String> cmd = List.of("bootstrap", "--data", logitData.toString(), "--statistic", "logit", "--response", "2",
                "--replicates", "40");
        assertEquals(0, CliRunner.run(args(ckpt, false, cmd)).code());
        Files.copy(logitDataChanged, logitData, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(CliRunner.run(args(ckpt, true, cmd)), "data file edited between run and resume");
    }

    @Test
    void changingTheSeedGeneratorOrChunkSizeRefusesTheJournal() throws IOException {
        List<String> pi = List.of("pi", "--samples", "10000", "--tasks", "10");
        Path ckpt = dir.resolve("ckpt");
        assertEquals(0, CliRunner.run(args(ckpt, false, pi, "--seed", "7", "--chunk-size", "2")).code());
        assertRefused(CliRunner.run(args(ckpt, true, pi, "--seed", "8", "--chunk-size", "2")), "--seed");
        assertRefused(CliRunner.run(args(ckpt, true, pi, "--seed", "7", "--rng", "MT2203", "--chunk-size", "2")), "--rng");
        assertRefused(CliRunner.run(args(ckpt, true, pi, "--seed", "7", "--chunk-size", "3")), "--chunk-size");
        assertEquals(0, CliRunner.run(args(ckpt, true, pi, "--seed", "7", "--chunk-size", "2")).code());
    }

    /** Every option of every kernel has a variant above (help options aside): a new option must be added here. */
    @Test
    void everyKernelOptionIsVaried() throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CommandLine root = new CommandLine(new RootCommand(null, nowhere, nowhere));
        Map<String, Case> byName = new LinkedHashMap<>();
        for (Case c : cases()) byName.put(c.name(), c);
        assertEquals(new TreeSet<>(RootCommand.KERNELS), new TreeSet<>(byName.keySet()), "every kernel has a case");
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            Set<String> options = new TreeSet<>();
            for (OptionSpec o : sub.getValue().getCommandSpec().options())
                if (!o.usageHelp() && !o.versionHelp()) options.add(o.longestName());
            assertEquals(options, new TreeSet<>(byName.get(sub.getKey()).variants().keySet()),
                    sub.getKey() + ": options without a variant in this test " + Arrays.toString(options.toArray()));
        }
    }
}
