package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mt2203 against a live Intel MKL: builds rng/tools/mkl/mkl_rng_dump.c with gcc and compares
 * fresh seeds, substreams, ranges and task blocks. Skipped (JUnit assumption) where gcc or MKL
 * (mkl_vsl.h, libmkl_rt.so) is missing; rng/tools/mkl/install-mkl.sh installs them.
 */
@DisplayName("Mt2203 vs live MKL (skipped unless gcc and MKL are installed)")
class Mt2203MklLiveTest {

    @TempDir
    static Path work;
    private static Path dump;

    @BeforeAll
    static void buildHarness() throws Exception {
        Path source = Path.of("tools/mkl/mkl_rng_dump.c").toAbsolutePath();
        assumeTrue(Files.isRegularFile(source), "harness source not found at " + source);
        assumeTrue(Files.exists(Path.of("/usr/include/mkl/mkl_vsl.h")), "MKL headers not installed");
        dump = work.resolve("mkl_rng_dump");
        Result r = run(List.of("gcc", "-O2", "-I/usr/include/mkl", source.toString(), "-o", dump.toString(), "-lmkl_rt"));
        assumeTrue(r.exit == 0, "cannot build the MKL harness (no gcc or libmkl_rt?): " + r.stderr);
    }

    record Result(int exit, List<String> lines, String stderr) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("MKL_THREADING_LAYER", "sequential");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, List.of(), e.getMessage());
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.US_ASCII),
                Files.readString(err, StandardCharsets.US_ASCII));
    }

    private static List<String> mkl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(dump.toString()));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        assertEquals(0, r.exit, "mkl_rng_dump failed: " + r.stderr);
        return r.lines;
    }

    @Test
    void everySubstreamMatchesForAnotherSeed() throws Exception {
        List<String> digests = mkl("mt2203-digest", "4294967295", "10000");
        assertEquals(Mt2203.SUBSTREAMS, digests.size());
        int[] values = new int[10_000];
        for (String line : digests) {
            String[] f = line.split(" ");
            int sub = Integer.parseInt(f[0]);
            new Mt2203(4294967295L, sub).fillBits(values, 0, values.length);
            assertEquals(f[2], String.format("%016x", Mt2203GoldenTest.hash(values)), "substream " + sub);
        }
    }

    @Test
    void randomStreamsAndRangesMatch() throws Exception {
        SplittableRandom pick = new SplittableRandom(20240611);
        for (int trial = 0; trial < 6; trial++) {
            int sub = pick.nextInt(Mt2203.SUBSTREAMS);
            long seed = pick.nextLong(1L << 32);
            double a = pick.nextDouble(-1e3, 1e3);
            double b = a + pick.nextDouble(1e-6, 1e4);
            int n = 1 + pick.nextInt(70_000);
            List<String> expected = mkl("mt2203", "" + sub, "" + seed, "" + n, "double", "" + a, "" + b);
            // the harness parses a and b with strtod, so give Java the same doubles
            double[] got = new double[n];
            new Mt2203(seed, sub).fill(got, 0, n, Double.parseDouble("" + a), Double.parseDouble("" + b));
            for (int i = 0; i < n; i++) {
                assertEquals(expected.get(i), Mt2203GoldenTest.hex(got[i]), "substream " + sub + " seed " + seed + " index " + i);
            }
        }
    }

    @Test
    void taskStreamsMatchVslNewStreamEx() throws Exception {
        SplittableRandom pick = new SplittableRandom(7);
        for (int trial = 0; trial < 4; trial++) {
            long seed = pick.nextLong(1L << 32);
            long task = pick.nextLong(Mt2203.MAX_TASKS);
            String key = seed + "," + task;
            List<String> expected = mkl("mt2203", "" + task % Mt2203.SUBSTREAMS, key, "1000", "bits");
            Mt2203 g = Mt2203.forTask(seed, task);
            for (int i = 0; i < 1000; i++) {
                assertEquals(expected.get(i), Integer.toUnsignedString(g.nextBits32()), "task " + task + " index " + i);
            }
        }
    }
}
