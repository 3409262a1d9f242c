package io.rankexec.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rankexec.core.spi.TaskStreams;
import io.rankexec.rng.RngKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs bin/rankexec (the real launcher, hence real MPJ Express) for the integration tests. */
final class Launcher {
    private Launcher() { }

    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    static final Path LAUNCHER = ROOT.resolve("bin/rankexec");
    static final String DRAWS_APP = "io.rankexec.it.DrawsApp";

    record Result(int exit, String out, String err) {
        List<Job> jobs() {
            List<Job> l = new ArrayList<>();
            Matcher m = JOB.matcher(out);
            while (m.find())
                l.add(new Job(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5),
                        Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8))));
            return l;
        }

        Job job() {
            List<Job> l = jobs();
            if (l.size() != 1) fail("expected one job line, got " + l.size() + "\n" + this);
            return l.get(0);
        }

        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    record Job(int chunk, String sched, String hash, String sum, String status, int succeeded, int restored, int failures) { }

    private static final Pattern JOB = Pattern.compile(
            "job chunk=(\\d+) sched=(\\w+) hash=(\\w+) sum=(\\w+) status=(\\w+) succeeded=(\\d+) restored=(\\d+) failures=(\\d+)");

    /** The MPJ Express installation bin/setup prepared (or MPJ_HOME), if usable. */
    static Path mpjHome() {
        String env = System.getenv("MPJ_HOME");
        Path home = env != null ? Path.of(env) : ROOT.resolve("build/mpj-home");
        return Files.isRegularFile(home.resolve("lib/starter.jar")) ? home : null;
    }

    static final String NO_MPJ = "MPJ Express is not set up: run bin/setup first (or set MPJ_HOME)";

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().putAll(env);
        return pb;
    }

    /** A fresh environment map for {@link #run} (to add RANKEXEC_* variables to). */
    static Map<String, String> env() {
        return new HashMap<>();
    }

    /** Launcher and global options the tests give DrawsApp's runs; all else is DrawsApp's own. */
    private static final Set<String> LAUNCHER_OPTIONS = Set.of("--ranks", "--device", "--checkpoint", "--threads");

    /**
     * bin/rankexec's arguments for DrawsApp: launcher and global options ({@code --ranks --device
     * --checkpoint --threads --resume}) first, then {@code --class-path it/target/test-classes DrawsApp} and
     * the program's own arguments.
     */
    static String[] drawsArgs(String... args) {
        List<String> launcher = new ArrayList<>(), program = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (LAUNCHER_OPTIONS.contains(args[i])) {
                launcher.add(args[i]);
                launcher.add(args[++i]);
            } else if (args[i].equals("--resume")) {
                launcher.add(args[i]);
            } else {
                program.add(args[i]);
            }
        }
        launcher.addAll(List.of("--quiet", "--class-path", ROOT.resolve("it/target/test-classes").toString(), DRAWS_APP));
        launcher.addAll(program);
        return launcher.toArray(String[]::new);
    }

    static Result run(Map<String, String> env, Duration timeout, String... args) {
        try {
            Path out = Files.createTempFile("rankexec-it", ".out");
            Path err = Files.createTempFile("rankexec-it", ".err");
            Process p = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("bin/rankexec " + String.join(" ", args) + " did not finish within " + timeout
                        + "\n" + Files.readString(out) + Files.readString(err));
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result draws(Duration timeout, String... args) {
        return run(env(), timeout, drawsArgs(args));
    }

    static Result draws(Map<String, String> env, Duration timeout, String... args) {
        return run(env, timeout, drawsArgs(args));
    }

    /**
     * The reference for DrawsApp, computed here without any engine: task i draws from
     * TaskStreams (the reproducibility contract's stream of task i), folded in task order.
     */
    static Job reference(int tasks, int draws, long seed, Set<Integer> failed, int blobDoubles) {
        double[] acc = new double[2];
        for (int i = 0; i < tasks; i++) {
            if (failed.contains(i)) continue;
            double[] d = new double[draws];
            TaskStreams.create(RngKind.MRG32K3A, seed, i).fill(d, 0, draws);
            if (blobDoubles > 0) d[0] += DrawsApp.blobValue(DrawsApp.blobIndex(i, blobDoubles));
            acc = DrawsApp.fold(acc, d);
        }
        return new Job(0, "", hex(acc[0]), hex(acc[1]), "", tasks - failed.size(), 0, failed.size());
    }

    static String hex(double v) {
        return String.format("%016x", Double.doubleToRawLongBits(v));
    }

    static void assertSameValue(Job expected, Job actual, String what) {
        assertTrue(expected.hash().equals(actual.hash()) && expected.sum().equals(actual.sum()),
                what + ": expected hash " + expected.hash() + " sum " + expected.sum() + ", got " + actual);
    }
}
