package io.rankexec.it;

import static io.rankexec.it.Launcher.assertSameValue;
import static io.rankexec.it.Launcher.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rankexec.it.Launcher.Job;
import io.rankexec.it.Launcher.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during a checkpointed niodev job (a worker rank's JVM, or mpjrun itself), then rerun with
 * --resume: the result must equal the reference of an uninterrupted run, and the rerun must
 * compute exactly the tasks that were not journaled (none of the restored ones again).
 */
class FaultIT {

    private static final int TASKS = 80;

    @TempDir
    Path dir;

    @BeforeEach
    void mpjExpress() {
        Assumptions.assumeTrue(Launcher.mpjHome() != null, Launcher.NO_MPJ);
    }

    @Test
    void killedWorkerRankThenResume() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        Path log = dir.resolve("computed.log");
        Process launcher = startSlowJob(ckpt, log);
        long coordinator = Long.parseLong(Files.readString(log.resolveSibling("computed.log.pid")).trim());
        ProcessHandle worker = onlyProcess(ckpt, p -> p.pid() != coordinator && !cmd(p).contains("starter.jar"));
        worker.destroyForcibly(); // SIGKILL

        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "bin/rankexec must end after a rank died");
        String err = Files.readString(dir.resolve("launcher.err"));
        assertEquals(3, launcher.exitValue(), err);
        // the killed rank's closed channel is noticed at once (NiodevReceiver), before the 3 s timeout
        assertTrue(err.contains("the connection to another rank closed"), err);
        resumeAndCheck(ckpt, log);
    }

    /**
     * Rank 0 killed while the other rank waits for its next job (no reply is due, so no timeout
     * applies): the waiting rank notices the closed channel and the job ends with exit 3 instead
     * of hanging.
     */
    @Test
    void killedRankZeroBetweenJobsEndsTheRun() throws Exception {
        Path ckpt = dir.resolve("ckpt"), log = dir.resolve("computed.log");
        Map<String, String> env = Launcher.env();
        env.put("RANKEXEC_MPI_TIMEOUT", "3");
        env.put("RANKEXEC_GRACE", "2");
        Process p = Launcher.builder(env, Launcher.drawsArgs("--ranks", "2", "--device", "niodev", "--tasks", "10",
                        "--chunks", "1,2", "--checkpoint", ckpt.toString(), "--log", log.toString(), "--pause-ms", "60000"))
                .redirectOutput(dir.resolve("launcher.out").toFile()).redirectError(dir.resolve("launcher.err").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(dir.resolve("launcher.out")).contains("pausing")) {
            if (!p.isAlive()) fail("job ended early: " + Files.readString(dir.resolve("launcher.err")));
            if (System.nanoTime() > deadline) fail("the first job did not end");
            Thread.sleep(50);
        }
        long coordinator = Long.parseLong(Files.readString(log.resolveSibling("computed.log.pid")).trim());
        ProcessHandle.of(coordinator).orElseThrow().destroyForcibly(); // SIGKILL of rank 0
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) { // leave nothing behind for the next test
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertTrue(ended, "bin/rankexec must end when rank 0 died between jobs");
        assertEquals(3, p.exitValue(), Files.readString(dir.resolve("launcher.err")));
        awaitNoProcess(ckpt);
    }

    @Test
    void killedMpjrunThenResume() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        Path log = dir.resolve("computed.log");
        Process launcher = startSlowJob(ckpt, log);
        onlyProcess(ckpt, p -> cmd(p).contains("starter.jar")).destroyForcibly();

        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "bin/rankexec must end when mpjrun died");
        String err = Files.readString(dir.resolve("launcher.err"));
        assertEquals(3, launcher.exitValue(), err);
        assertTrue(err.contains("ended without a result"), err);
        resumeAndCheck(ckpt, log);
    }

    /** 80 tasks of 100 ms in chunks of 2 on 2 niodev ranks; returns once 16 tasks were computed. */
    private Process startSlowJob(Path ckpt, Path log) throws Exception {
        Map<String, String> env = Launcher.env();
        env.put("RANKEXEC_MPI_TIMEOUT", "3");
        env.put("RANKEXEC_GRACE", "2");
        Process p = Launcher.builder(env, Launcher.drawsArgs("--ranks", "2", "--device", "niodev", "--tasks", "" + TASKS, "--chunks", "2",
                        "--checkpoint", ckpt.toString(), "--log", log.toString(), "--sleep-ms", "100"))
                .redirectOutput(dir.resolve("launcher.out").toFile()).redirectError(dir.resolve("launcher.err").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines(log) < 16) {
            if (!p.isAlive()) fail("job ended early: " + Files.readString(dir.resolve("launcher.err")));
            if (System.nanoTime() > deadline) fail("job made no progress");
            Thread.sleep(50);
        }
        return p;
    }

    private void resumeAndCheck(Path ckpt, Path log) throws Exception {
        awaitNoProcess(ckpt); // orphaned ranks (if any) must be gone: they hold the journal
        long computedBefore = lines(log);
        Result r = Launcher.draws(Duration.ofSeconds(120), "--ranks", "2", "--device", "niodev", "--tasks", "" + TASKS,
                "--chunks", "2", "--checkpoint", ckpt.toString(), "--resume", "--log", log.toString(), "--sleep-ms", "100");
        assertEquals(0, r.exit(), r::toString);
        Job j = r.job();
        assertSameValue(reference(TASKS, 3, 12345, Set.of(), 0), j, "resumed after kill -9");
        assertTrue(j.restored() > 0 && j.restored() % 2 == 0 && j.restored() <= computedBefore,
                "restored whole chunks that were computed before the kill: " + j + ", computed before " + computedBefore);
        assertEquals(TASKS - j.restored(), lines(log) - computedBefore,
                "the rerun computes exactly the tasks not restored from the journal");
    }

    private static long lines(Path log) throws IOException {
        if (!Files.exists(log)) return 0;
        try (var s = Files.lines(log)) {
            return s.count();
        }
    }

    private static String cmd(ProcessHandle p) {
        return p.info().commandLine().orElse("");
    }

    /** The JVM (not the bash launcher) whose command line mentions {@code marker} and passes {@code filter}. */
    private static ProcessHandle onlyProcess(Path marker, Predicate<ProcessHandle> filter) {
        List<ProcessHandle> l = ProcessHandle.allProcesses()
                .filter(p -> cmd(p).contains(marker.toString()) && p.info().command().orElse("").endsWith("java"))
                .filter(filter).toList();
        assertEquals(1, l.size(), "processes: " + l.stream().map(FaultIT::cmd).toList());
        return l.get(0);
    }

    private static void awaitNoProcess(Path marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.allProcesses().anyMatch(p -> cmd(p).contains(marker.toString()))) {
            if (System.nanoTime() > deadline) fail("processes of the killed job are still running after 30 s");
            Thread.sleep(200);
        }
    }
}
