package io.rankexec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rankexec.it.Launcher.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 through bin/rankexec: hostile inputs and faults get one line, the right exit code and
 * keep what they should; nothing outlives the launcher. See docs/guarantees.md.
 */
class HostileIT {

    static final Duration T = Duration.ofSeconds(120);

    @TempDir Path dir;

    private static void assertOneErrorLine(Result r, int exit, String... fragments) {
        assertEquals(exit, r.exit(), r.toString());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r);
        assertTrue(lines.get(0).startsWith("rankexec: error: "), r.toString());
        for (String f : fragments) assertTrue(lines.get(0).contains(f), "'" + f + "' in " + r);
    }

    /** #14.7: a checkpoint or output directory that cannot be written is named before any work, exit 2. */
    @Test
    void unwritableCheckpointOrOutputDirectoryIsRefusedBeforeTheJobRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result ck = Launcher.run(Map.of(), T, "--quiet", "--checkpoint", file.toString(), "pi", "--samples", "1000");
        assertOneErrorLine(ck, 2, "--checkpoint " + file, "is not a directory");
        assertTrue(ck.out().isEmpty(), ck.toString());
        Result out = Launcher.run(Map.of(), T, "--quiet", "--output", file.resolve("sub").toString(), "pi", "--samples", "1000");
        assertOneErrorLine(out, 2, "--output " + file.resolve("sub"), "is not writable");
        assertTrue(out.out().isEmpty(), "refused before the job ran: " + out);
    }

    /** A small tmpfs (root only), unmounted by the caller. */
    private static boolean mountTmpfs(Path at, String size) throws IOException, InterruptedException {
        Files.createDirectories(at);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void umount(Path at) throws IOException, InterruptedException {
        new ProcessBuilder("umount", at.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }

    private static void fill(Path fs) throws IOException {
        try (var out = Files.newOutputStream(fs.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException full) {
            // No space left on device: full
        }
    }

    /**
     * #14.7: a full file system at start is exit 2 before any work; filling up mid-run ends the job
     * with exit 1 naming the problem, keeps the chunks journaled so far, and a resume completes.
     */
    @Test
    void fullFileSystemForTheCheckpoint() throws Exception {
        Path fs = dir.resolve("tmpfs");
        assumeTrue(mountTmpfs(fs, "256k"), "needs root to mount a small tmpfs");
        try {
            String[] job = {"mandelbrot", "--width", "4000", "--height", "40", "--max-iter", "20"};
            String ck = fs.resolve("ck").toString();
            Result reference = Launcher.run(Map.of(), T, concat(new String[] {"--quiet", "--chunk-size", "1"}, job));
            assertEquals(0, reference.exit(), reference.toString());

            fill(fs);
            Result atStart = Launcher.run(Map.of(), T, concat(new String[] {"--quiet", "--chunk-size", "1", "--checkpoint", ck}, job));
            assertOneErrorLine(atStart, 2, "--checkpoint " + ck, "No space left on device");
            assertTrue(atStart.out().isEmpty(), atStart.toString());
            Files.delete(fs.resolve("filler"));

            // 40 rows of 4000 escape counts (~16 KB each) do not fit in 256 KB: the journal fills up mid-run.
            Result midRun = Launcher.run(Map.of(), T, concat(new String[] {"--quiet", "--chunk-size", "1", "--checkpoint", ck}, job));
            assertEquals(1, midRun.exit(), midRun.toString());
            assertTrue(midRun.err().contains("cannot write the checkpoint journal") && midRun.err().contains("No space left"),
                    midRun.toString());
            assertFalse(midRun.err().contains("\tat "), "no stack trace: " + midRun);

            // Space again (a bigger file system): the resume keeps every journaled chunk and completes.
            Path bigger = dir.resolve("ck-moved");
            copyDir(fs.resolve("ck"), bigger);
            Result resumed = Launcher.run(Map.of(), T, concat(new String[] {"--chunk-size", "1", "--checkpoint",
                    bigger.toString(), "--resume"}, job));
            assertEquals(0, resumed.exit(), resumed.toString());
            assertTrue(resumed.err().matches("(?s).*resumed [1-9]\\d*/40 tasks from checkpoint.*"), resumed.toString());
            assertEquals(withoutTime(reference.out()), withoutTime(resumed.out()));
        } finally {
            umount(fs);
        }
    }

    private static void copyDir(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static String withoutTime(String out) {
        return out.lines().filter(l -> !l.startsWith("time:")).collect(Collectors.joining("\n"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** #14.4: absurd rank counts are refused before any rank starts, within seconds. */
    @Test
    void absurdRankCountsAreRefusedBeforeAnyRankStarts() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (String ranks : new String[] {"100000", "1000", String.valueOf(4 * cpus + 1)}) {
            long t0 = System.nanoTime();
            Result r = Launcher.run(Map.of(), Duration.ofSeconds(60), "--ranks", ranks, "pi", "--samples", "1000");
            assertOneErrorLine(r, 2, "--ranks " + ranks, "at most " + 4 * cpus);
            assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "refused within seconds, not a hang");
        }
        Result env = Launcher.run(Map.of("RANKEXEC_MAX_RANKS_PER_CPU", "1"), Duration.ofSeconds(60),
                "--ranks", String.valueOf(cpus + 1), "pi");
        assertOneErrorLine(env, 2, "at most " + cpus);
    }

    /** #14.6: SIGTERM to bin/rankexec (local mode) ends its JVM too: nothing prints a result later. */
    @Test
    void sigtermToTheLauncherEndsItsJvm() throws Exception {
        Path out = dir.resolve("out"), err = dir.resolve("err");
        Process p = Launcher.builder(Map.of(), "pi", "--samples", "400000000000", "--tasks", "4000")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        Set<ProcessHandle> java;
        do {
            Thread.sleep(200);
            java = p.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .collect(Collectors.toSet());
        } while (java.isEmpty() && System.nanoTime() < deadline && p.isAlive());
        assertFalse(java.isEmpty(), "the JVM started: " + Files.readString(err));
        Set<ProcessHandle> all = p.descendants().collect(Collectors.toSet());
        p.destroy(); // SIGTERM to the launcher only
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
        for (ProcessHandle h : all) {
            h.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(h.isAlive(), h + " outlived the launcher");
        }
        Thread.sleep(500);
        assertFalse(Files.readString(out).contains("pi "), "no result printed after the launcher was stopped");
    }

    /**
     * #14.6: kill -9 of the launcher (no cleanup can run in it) leaves nothing behind: locally the
     * JVM, under niodev the starter, the rank JVMs and the MPJ daemon the launcher started; the
     * next niodev run gets a daemon of its own.
     */
    @Test
    void killMinus9OfTheLauncherLeavesNoProcessBehind() throws Exception {
        for (boolean niodev : new boolean[] {false, true}) {
            if (niodev) assumeTrue(Launcher.mpjHome() != null, Launcher.NO_MPJ);
            Path marker = dir.resolve(niodev ? "ck-niodev" : "ck-local");
            String[] args = niodev
                    ? new String[] {"--ranks", "2", "--device", "niodev", "--checkpoint", marker.toString(), "pi", "--samples", "400000000000", "--tasks", "4000"}
                    : new String[] {"--checkpoint", marker.toString(), "pi", "--samples", "400000000000", "--tasks", "4000"};
            Process p = Launcher.builder(Map.of(), args).redirectOutput(dir.resolve("out").toFile())
                    .redirectError(dir.resolve("err").toFile()).start();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!Files.exists(marker.resolve("job-1/journal.rxj")) && System.nanoTime() < deadline && p.isAlive())
                Thread.sleep(200);
            assertTrue(Files.exists(marker.resolve("job-1/journal.rxj")), "the job started: " + Files.readString(dir.resolve("err")));
            Thread.sleep(1000);
            Set<ProcessHandle> started = p.descendants().collect(Collectors.toSet());
            assertFalse(started.isEmpty());
            p.destroyForcibly(); // SIGKILL to the launcher only: its children are not signalled
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            long until = System.nanoTime() + 20_000_000_000L;
            while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) Thread.sleep(200);
            List<String> alive = started.stream().filter(ProcessHandle::isAlive)
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList();
            assertTrue(alive.isEmpty(), (niodev ? "niodev" : "local") + ": outlived the launcher: " + alive);
            List<String> ranks = ProcessHandle.allProcesses()
                    .filter(h -> h.info().commandLine().map(c -> c.contains(marker.toString()) && !c.contains("bin/rankexec")).orElse(false))
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList();
            assertTrue(ranks.isEmpty(), "rank JVMs of the killed job are still running: " + ranks);
        }
    }

    /** #14.6: an MPI run leaves no orphaned process (the exit watcher's sleep) behind. */
    @Test
    void anMpiRunLeavesNoOrphanedSleep() {
        assumeTrue(Launcher.mpjHome() != null, Launcher.NO_MPJ);
        Instant start = Instant.now().minusMillis(100);
        Result r = Launcher.run(Map.of(), T, "--ranks", "2", "--quiet", "pi", "--samples", "100000", "--tasks", "8");
        assertEquals(0, r.exit(), r.toString());
        try {
            Thread.sleep(1000); // a 0.3 s watcher sleep would still be running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
                .filter(h -> h.parent().map(pp -> pp.pid() == 1).orElse(true))
                .filter(h -> h.info().startInstant().map(s -> s.isAfter(start)).orElse(false))
                .filter(h -> h.info().arguments().map(a -> a.length == 1 && a[0].equals("0.3")).orElse(false))
                .toList();
        assertTrue(orphans.isEmpty(), "orphaned sleeps: " + orphans);
    }
}
