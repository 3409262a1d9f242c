package io.rankexec.it;

import static io.rankexec.it.Launcher.assertSameValue;
import static io.rankexec.it.Launcher.draws;
import static io.rankexec.it.Launcher.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.it.Launcher.Job;
import io.rankexec.it.Launcher.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MPJ Express jobs through bin/rankexec: results against an engine-free reference, local vs
 * MPI, every rank count / chunk size / scheduling, failures, more ranks than tasks, a large
 * shared object, niodev, and the real CLI.
 */
class MpiEngineIT {

    private static final Duration T = Duration.ofSeconds(120);

    @BeforeEach
    void mpjExpress() {
        Assumptions.assumeTrue(Launcher.mpjHome() != null, Launcher.NO_MPJ);
    }

    @Test
    void fourRanksMulticoreGiveTheLocalEngineResultAndTheReference() {
        Job ref = reference(103, 3, 12345, Set.of(), 0);
        Result local = draws(T, "--tasks", "103");
        Result mpi = draws(T, "--ranks", "4", "--tasks", "103");
        assertEquals(0, local.exit(), local::toString);
        assertEquals(0, mpi.exit(), mpi::toString);
        assertSameValue(ref, local.job(), "local engine");
        assertSameValue(ref, mpi.job(), "4 ranks multicore");
        assertEquals(103, mpi.job().succeeded());
    }

    @Test
    void bitIdenticalForOneToFourRanksAnyChunkSizeAndScheduling() {
        Job ref = reference(50, 3, 777, Set.of(), 0);
        for (int ranks = 1; ranks <= 4; ranks++) {
            Result r = draws(T, "--ranks", "" + ranks, "--tasks", "50", "--seed", "777",
                    "--chunks", "0,1,7,50", "--sched", "static,dynamic");
            assertEquals(0, r.exit(), r::toString);
            List<Job> jobs = r.jobs();
            assertEquals(8, jobs.size(), r::toString);
            for (Job j : jobs) assertSameValue(ref, j, ranks + " ranks, chunk " + j.chunk() + ", " + j.sched());
        }
    }

    @Test
    void ranksTimesThreadsGiveTheReferenceOnBothDevices() {
        Job ref = reference(90, 3, 4242, Set.of(), 0);
        for (String[] shape : new String[][] {{"--ranks", "2", "--threads", "3"}, {"--ranks", "3", "--threads", "2"},
                {"--ranks", "2", "--device", "niodev", "--threads", "2"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(shape),
                    java.util.stream.Stream.of("--tasks", "90", "--seed", "4242", "--chunks", "0,1,7", "--sched", "static,dynamic"))
                    .toArray(String[]::new);
            Result r = draws(T, args);
            assertEquals(0, r.exit(), r::toString);
            assertEquals(6, r.jobs().size(), r::toString);
            for (Job j : r.jobs()) assertSameValue(ref, j, String.join(" ", shape) + ", chunk " + j.chunk() + ", " + j.sched());
        }
    }

    @Test
    void niodevTwoRanksMatchTheReferenceForEveryChunkingAndScheduling() {
        // 9000 draws = 72 KB per task: every result exceeds the inline message size (header + bulk path).
        Job ref = reference(40, 9000, 99, Set.of(), 0);
        Result r = draws(T, "--ranks", "2", "--device", "niodev", "--tasks", "40", "--draws", "9000", "--seed", "99",
                "--chunks", "0,3", "--sched", "static,dynamic");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(4, r.jobs().size(), r::toString);
        for (Job j : r.jobs()) assertSameValue(ref, j, "niodev chunk " + j.chunk() + ", " + j.sched());
    }

    @Test
    void failedTasksAreReportedAndTheOthersStillCombined() {
        Result r = draws(T, "--ranks", "3", "--tasks", "60", "--fail", "5,17", "--chunks", "4");
        assertEquals(1, r.exit(), r::toString);
        Job j = r.job();
        assertEquals("COMPLETED_WITH_FAILURES", j.status());
        assertEquals(58, j.succeeded());
        assertSameValue(reference(60, 3, 12345, Set.of(5, 17), 0), j, "continueOnFailure");
        assertTrue(r.out().contains("task 5 failed: java.lang.IllegalStateException: boom at task 5"), r::toString);
        assertTrue(r.out().contains("task 17 failed: java.lang.IllegalStateException: boom at task 17"), r::toString);
        assertTrue(r.err().contains("task 5 failed"), r::toString);
    }

    @Test
    void stopOnFailureStopsEveryRankAndNamesTheTask() {
        Result r = draws(T, "--ranks", "3", "--tasks", "400", "--fail", "17", "--stop-on-failure", "--chunks", "4",
                "--sleep-ms", "5");
        assertEquals(1, r.exit(), r::toString);
        Job j = r.job();
        assertEquals("FAILED", j.status());
        assertTrue(j.succeeded() < 400 - 1, "the job must stop early: " + j);
        // The failed task with the head of its stack trace (where it failed), then one error line.
        assertTrue(r.err().contains("task 17: java.lang.IllegalStateException: boom at task 17"), r::toString);
        assertTrue(r.err().contains("at io.rankexec.it.DrawsApp"), r::toString);
        assertEquals("drawsapp: error: job stopped: task 17 failed: java.lang.IllegalStateException: boom at task 17",
                r.err().strip().lines().reduce((a, b) -> b).orElseThrow(), r::toString);
    }

    @Test
    void unserializableResultsAreFailuresOfTheirTasksOnEveryRank() {
        // Static chunks of 1 on 2 ranks: task 6 runs on rank 0, task 7 on rank 1; chunks of 4 put both in one chunk.
        for (String chunks : new String[] {"1", "4"}) {
            Result r = draws(T, "--ranks", "2", "--tasks", "20", "--unserializable", "6,7", "--chunks", chunks,
                    "--sched", "static");
            assertEquals(1, r.exit(), r::toString);
            Job j = r.job();
            assertEquals("COMPLETED_WITH_FAILURES", j.status());
            assertEquals(18, j.succeeded());
            assertSameValue(reference(20, 3, 12345, Set.of(6, 7), 0), j, "chunk " + chunks);
            for (int task : new int[] {6, 7})
                assertTrue(r.out().contains("task " + task + " failed: java.io.NotSerializableException: java.lang.Object"),
                        r::toString);
        }
        Result stop = draws(T, "--ranks", "2", "--tasks", "40", "--unserializable", "7", "--stop-on-failure",
                "--chunks", "1", "--sched", "static", "--sleep-ms", "5");
        assertEquals(1, stop.exit(), stop::toString);
        assertEquals("FAILED", stop.job().status());
        assertEquals("drawsapp: error: job stopped: task 7 failed: java.io.NotSerializableException: java.lang.Object",
                stop.err().strip().lines().reduce((a, b) -> b).orElseThrow(), stop::toString);
    }

    @Test
    void withRankZeroOnlyCoordinatingEveryChunkIsJournaledAndAFailureEndsTheWorker(@TempDir Path dir) throws Exception {
        // Rank 1 computes every chunk, one after the other and without prefetching the next, so
        // what it computed is exact.
        Map<String, String> env = Launcher.env();
        env.put("RANKEXEC_JAVA_OPTS", "-Drankexec.mpi.rootComputes=false -Drankexec.mpi.prefetch=0");
        Path ckpt = dir.resolve("ckpt"), log = dir.resolve("computed.log");
        Result full = Launcher.draws(env, T, "--ranks", "2", "--tasks", "60", "--chunks", "1", "--checkpoint", ckpt.toString(),
                "--log", log.toString());
        assertEquals(0, full.exit(), full::toString);
        assertEquals(60, Files.readAllLines(log).size());
        Result resumed = Launcher.draws(env, T, "--ranks", "2", "--tasks", "60", "--chunks", "1", "--checkpoint",
                ckpt.toString(), "--resume", "--log", log.toString());
        assertEquals(0, resumed.exit(), resumed::toString);
        assertEquals(60, resumed.job().restored(), "every chunk of the finished job was journaled: " + resumed);
        assertSameValue(reference(60, 3, 12345, Set.of(), 0), resumed.job(), "restored from the journal");
        assertEquals(60, Files.readAllLines(log).size(), "nothing recomputed");

        Path failLog = dir.resolve("failed.log");
        Result stop = Launcher.draws(env, T, "--ranks", "2", "--tasks", "60", "--chunks", "1", "--fail", "5",
                "--stop-on-failure", "--log", failLog.toString());
        assertEquals(1, stop.exit(), stop::toString);
        assertEquals("FAILED", stop.job().status());
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), Files.readAllLines(failLog),
                "the failing chunk's worker gets no further chunk");

        // Static chunks are dealt to the computing ranks only (rank 0's share used to be lost).
        Result both = Launcher.draws(env, T, "--ranks", "3", "--tasks", "30", "--chunks", "0,1", "--sched", "static,dynamic");
        assertEquals(0, both.exit(), both::toString);
        assertEquals(4, both.jobs().size(), both::toString);
        for (Job j : both.jobs()) assertSameValue(reference(30, 3, 12345, Set.of(), 0), j, "chunk " + j.chunk() + ", " + j.sched());
    }

    @Test
    void moreRanksThanTasks() {
        Result r = draws(T, "--ranks", "4", "--tasks", "2", "--chunks", "0,1", "--sched", "static,dynamic");
        assertEquals(0, r.exit(), r::toString);
        Job ref = reference(2, 3, 12345, Set.of(), 0);
        assertEquals(4, r.jobs().size());
        for (Job j : r.jobs()) assertSameValue(ref, j, "4 ranks, 2 tasks");
    }

    @Test
    void theProgramRunsOnceOnRankZeroWithExactlyItsOwnArguments(@TempDir Path dir) {
        // Launcher and global options before --class-path never reach the program, and DrawsApp's
        // strict parser would exit 2 on any of them; the worker ranks never run the program, so
        // its "args" line (and its result line) appears once, not once per rank.
        Result r = draws(T, "--ranks", "3", "--checkpoint", dir.resolve("ck").toString(), "--print-args", "--tasks", "10");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("args --print-args --tasks 10"), r.out().lines().filter(l -> l.startsWith("args")).toList(), r::toString);
        assertEquals(1, r.jobs().size(), r::toString);
        assertTrue(r.err().lines().noneMatch(l -> l.contains("args") || l.contains("job chunk")), r::toString);
    }

    @Test
    void sharedObjectOf300MbIsBroadcastFromRankZero() {
        int mb = 300;
        int doubles = mb * (1 << 20) / 8;
        Map<String, String> env = Launcher.env();
        env.put("RANKEXEC_JAVA_OPTS", "-Xmx1700m");
        Result r = Launcher.draws(env, T, "--ranks", "2", "--tasks", "20", "--shared-mb", "" + mb, "--sched", "static");
        assertEquals(0, r.exit(), r::toString);
        assertSameValue(reference(20, 3, 12345, Set.of(), doubles), r.job(), "300 MB shared object");
    }

    @Test
    void piCommandLineGivesTheSameAnswerOnEveryEngine() {
        String[] pi = {"--quiet", "pi", "--samples", "2000000", "--tasks", "30"};
        Result local = Launcher.run(Map.of(), T, pi);
        Result multicore = Launcher.run(Map.of(), T, concat(new String[] {"--ranks", "4"}, pi));
        Result niodev = Launcher.run(Map.of(), T, concat(new String[] {"--ranks", "2", "--device", "niodev"}, pi));
        for (Result r : List.of(local, multicore, niodev)) {
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().startsWith("pi 3.1"), r::toString);
        }
        String answer = local.out().lines().findFirst().orElseThrow();
        assertEquals(answer, multicore.out().lines().findFirst().orElseThrow());
        assertEquals(answer, niodev.out().lines().findFirst().orElseThrow());
        assertTrue(multicore.out().contains("(mpi[4])") && niodev.out().contains("(mpi[2])"), multicore::toString);
    }

    @Test
    void everyKernelGivesTheLocalResultLinesOnTwoRanks(@TempDir Path dir) throws Exception {
        // Each kernel's job travels to the other rank serialized: a capture that cannot travel, or
        // a kernel that reads anything rank-local, shows here.
        Path csv = dir.resolve("x.csv");
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 40; i++) sb.append(i % 7).append(',').append((i * 13) % 11).append(',').append(i % 2).append('\n');
        Files.writeString(csv, sb);
        List<String[]> kernels = List.of(
                new String[] {"dice", "--games", "20000"},
                new String[] {"birthday", "--sizes", "2:30", "--tests", "300"},
                new String[] {"mandelbrot", "--width", "60", "--height", "40", "--max-iter", "200"},
                new String[] {"kmeans", "--generate", "300x5", "--k", "3", "--nstart", "8"},
                new String[] {"bootstrap", "--replicates", "200"},
                new String[] {"bootstrap", "--data", csv.toString(), "--statistic", "logit", "--response", "3", "--replicates", "100"},
                new String[] {"poisson", "--trials", "50", "--times", "20"},
                new String[] {"pi", "--samples", "200000"},
                new String[] {"runif", "--n", "50", "--times", "6"});
        for (String[] k : kernels) {
            String[] local = concat(new String[] {"--quiet", "--seed", "11"}, k);
            Result l = Launcher.run(Map.of(), T, local);
            Result m = Launcher.run(Map.of(), T, concat(new String[] {"--ranks", "2", "--chunk-size", "3"}, local));
            String what = String.join(" ", k);
            assertEquals(0, l.exit(), what + ": " + l);
            assertEquals(0, m.exit(), what + ": " + m);
            assertEquals(results(l), results(m), what);
            assertTrue(!results(l).isBlank(), what);
        }
    }

    private static String results(Result r) {
        return r.out().lines().filter(line -> !line.startsWith("time:")).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void userMistakesUnderMpiGiveOneLineAndAnExitCode() {
        Result bad = Launcher.run(Map.of(), T, "--ranks", "2", "pi", "--samples", "-5");
        assertEquals(2, bad.exit(), bad::toString);
        assertEquals("rankexec: error: --samples must be >= 1, got -5", bad.err().strip());
        assertEquals("", bad.out());

        Result noMpj = Launcher.run(Map.of("MPJ_HOME", "/nonexistent/mpj"), T, "--ranks", "2", "pi");
        assertNotEquals(0, noMpj.exit());
        assertEquals(1, noMpj.err().lines().count(), noMpj::toString);
        assertTrue(noMpj.err().startsWith("rankexec: error: MPJ_HOME=/nonexistent/mpj is not an MPJ Express installation"),
                noMpj::toString);

        Result badTimeout = Launcher.run(Map.of("RANKEXEC_MPI_TIMEOUT", "abc"), T, "--ranks", "2", "pi");
        assertEquals(2, badTimeout.exit(), badTimeout::toString);
        assertEquals("rankexec: error: RANKEXEC_MPI_TIMEOUT must be a positive number of seconds, got 'abc'",
                badTimeout.err().strip(), "one line, not one per rank");

        Result badDevice = Launcher.run(Map.of(), T, "--ranks", "2", "--device", "infiniband", "pi");
        assertEquals(2, badDevice.exit());
        assertTrue(badDevice.err().contains("--device must be multicore or niodev"), badDevice::toString);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
