package io.rankexec.kernels.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile input: every case ends with one error line naming the problem, exit 2, no stack trace. */
class CliErrorsTest {

    @TempDir
    Path dir;

    /** Runs, checks exit 2, a single "rankexec: error:" line, nothing on stdout; returns the message. */
    private String usageError(String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(CliApp.USAGE, r.code(), "exit code; stderr: " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "exactly one line on stderr: " + err);
        assertTrue(err.startsWith("rankexec: error: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace or exception names: " + err);
        assertEquals("", r.out());
        return err.substring("rankexec: error: ".length()).replace(dir + "/", "");
    }

    private Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void unknownKernel() {
        assertTrue(usageError("--quiet", "craps").startsWith("unknown kernel 'craps' (kernels: dice, birthday,"));
    }

    @Test
    void noKernel() {
        assertTrue(usageError("--quiet").startsWith("no kernel given"));
    }

    @Test
    void unknownOptions() {
        assertTrue(usageError("--bogus", "dice").startsWith("unknown option '--bogus' (rankexec's global options: --seed"));
        assertTrue(usageError("dice", "--nstart", "5").startsWith("unknown option"));
    }

    @Test
    void malformedValues() {
        assertTrue(usageError("dice", "--games", "many").contains("'many'"));
        assertTrue(usageError("--rng", "MT19937X", "dice").contains("MT19937X"));
        assertTrue(usageError("--task-timeout", "soon", "dice").contains("--task-timeout needs a duration like 30, 500ms, 2m or 1h, got 'soon'"));
        assertTrue(usageError("kmeans", "--algorithm", "ward").contains("'ward' is not hartigan-wong or lloyd"));
    }

    @Test
    void negativeOrZeroCounts() {
        assertEquals("--games must be >= 1, got 0", usageError("dice", "--games", "0"));
        assertEquals("--games-per-task must be >= 1, got -3", usageError("dice", "--games-per-task", "-3"));
        assertEquals("--tests must be >= 1, got 0", usageError("birthday", "--tests", "0"));
        assertEquals("--sizes must be >= 1, got 0", usageError("birthday", "--sizes", "0:3"));
        assertEquals("--width must be >= 2, got 1", usageError("mandelbrot", "--width", "1"));
        assertEquals("--max-iter must be >= 1, got 0", usageError("mandelbrot", "--max-iter", "0"));
        assertEquals("--nstart must be >= 1, got -1", usageError("kmeans", "--nstart", "-1"));
        assertEquals("--k must be >= 2, got 1", usageError("kmeans", "--k", "1"));
        assertEquals("--replicates must be >= 2, got 0", usageError("bootstrap", "--replicates", "0"));
        assertEquals("--nobs must be >= 3, got 0", usageError("poisson", "--nobs", "0"));
        assertEquals("--samples must be >= 1, got -10", usageError("pi", "--samples", "-10"));
        assertEquals("--chunk-size must be >= 1, got 0", usageError("--chunk-size", "0", "pi"));
        assertEquals("--threads must be >= 1, got 0", usageError("--threads", "0", "pi"));
        assertEquals("--seed must be in [0, 4294967295], got -1", usageError("--seed", "-1", "pi"));
        assertEquals("--level must be in (0, 1), got 1.5", usageError("bootstrap", "--level", "1.5"));
    }

    /** Limits only the kernels check: their IllegalArgumentExceptions become the same one-line usage errors. */
    @Test
    void limitsCheckedByTheKernels() {
        assertEquals("trials must be >= 1, got 0", usageError("poisson", "--trials", "0"));
        assertEquals("trials * times exceeds 1e7 fits", usageError("poisson", "--trials", "100000", "--times", "1000"));
        assertEquals("games / games-per-task = 4294967296 tasks, more than 2^31; raise games-per-task",
                usageError("dice", "--games", "4294967296"));
        // games + games-per-task - 1 used to overflow here and run no task at all (exit 0, wins=0)
        assertEquals("games / games-per-task = 4611686018427387904 tasks, more than 2^31; raise games-per-task",
                usageError("dice", "--games", "9223372036854775807", "--games-per-task", "2"));
        assertEquals("group size must be <= 100000, got 200000", usageError("birthday", "--sizes", "2,200000"));
        assertEquals("show must be >= 0, got -1", usageError("runif", "--show", "-1"));
    }

    @Test
    void kLargerThanRows() throws IOException {
        Path data = csv("data.csv", "x,y\n1,2\n3,4\n5,6\n7,8\n9,10\n");
        assertEquals("--k 20 exceeds the 5 rows of data.csv (k must be less than the number of rows)",
                usageError("kmeans", "--data", data.toString(), "--k", "20"));
        assertEquals("--k 5 equals the 5 rows of data.csv (k must be less than the number of rows)",
                usageError("kmeans", "--data", data.toString(), "--k", "5"));
        Path dup = csv("dup.csv", "1,1\n1,1\n1,1\n2,2\n");
        assertEquals("--k 3 exceeds the 2 distinct rows of dup.csv", usageError("kmeans", "--data", dup.toString(), "--k", "3"));
    }

    @Test
    void nanInfAndRaggedRows() throws IOException {
        assertEquals("data.csv line 3, column 2: value 'NaN' is not a finite number",
                usageError("kmeans", "--data", csv("data.csv", "a,b\n1,2\n3,NaN\n4,5\n").toString(), "--k", "2"));
        assertEquals("inf.csv line 2, column 1: value '-Inf' is not a finite number",
                usageError("bootstrap", "--data", csv("inf.csv", "1,2\n-Inf,4\n4,5\n").toString()));
        assertEquals("ragged.csv line 3 has 3 fields, expected 2",
                usageError("kmeans", "--data", csv("ragged.csv", "1,2\n3,4\n5,6,7\n8,9\n").toString(), "--k", "2"));
        assertEquals("words.csv line 2, column 2: value 'abc' is not a number",
                usageError("kmeans", "--data", csv("words.csv", "1,2\n3,abc\n").toString(), "--k", "2"));
    }

    @Test
    void emptyOrUnreadableFiles() throws IOException {
        assertEquals("empty.csv has no data rows", usageError("kmeans", "--data", csv("empty.csv", "").toString()));
        assertEquals("header.csv has no data rows", usageError("bootstrap", "--data", csv("header.csv", "a,b\n").toString()));
        assertEquals("cannot read missing.csv: no such file",
                usageError("kmeans", "--data", dir.resolve("missing.csv").toString()));
        assertEquals("cannot read " + "sub: it is a directory",
                usageError("kmeans", "--data", Files.createDirectory(dir.resolve("sub")).toString()));
        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertTrue(usageError("kmeans", "--data", binary.toString()).startsWith("cannot read binary.csv"));
    }

    @Test
    void badOptionCombinations() throws IOException {
        Path data = csv("data.csv", "1,2\n3,4\n5,6\n");
        assertEquals("give either --data or --generate, not both",
                usageError("kmeans", "--data", data.toString(), "--generate", "10x2"));
        assertEquals("--generate '10by2' is not ROWSxCOLS, e.g. 5000x50", usageError("kmeans", "--generate", "10by2"));
        assertEquals("--resume needs --checkpoint DIR", usageError("--resume", "pi"));
        assertEquals("--statistic 'mode' is not mean, median or logit", usageError("bootstrap", "--statistic", "mode"));
        assertEquals("--tasks 10 exceeds --samples 5", usageError("pi", "--samples", "5", "--tasks", "10"));
        assertEquals("--sizes '2:x' is not a list of integers like 2:100 or 3,25,50", usageError("birthday", "--sizes", "2:x"));
        assertEquals("--statistic logit needs a 0/1 response; row 1 of column 2 is 2.0",
                usageError("bootstrap", "--data", data.toString(), "--statistic", "logit"));
        Path file = csv("plain", "x");
        assertEquals("--output plain is not a directory", usageError("--output", file.toString(), "pi").replace(dir + "/", ""));
    }

    @Test
    void helpAndVersionSucceed() {
        CliRunner help = CliRunner.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("kmeans"));
        CliRunner kernelHelp = CliRunner.run("kmeans", "--help");
        assertEquals(0, kernelHelp.code());
        assertTrue(kernelHelp.out().contains("--nstart"));
    }
}
