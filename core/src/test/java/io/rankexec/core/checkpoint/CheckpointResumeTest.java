package io.rankexec.core.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.Scheduling;
import io.rankexec.rng.RngKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    static final int N = 100;
    static final int CHUNK = 7; // 15 chunks, the last one of 2 tasks

    @TempDir Path dir;
    @TempDir Path scratch;

    /** A job that counts its task invocations; values from the task's own stream. */
    static JobSpec.Builder<Void, Double> job(AtomicInteger calls, long seed) {
        return JobSpec.timesToRun(N, ctx -> {
            calls.incrementAndGet();
            double u = ctx.rng().nextDouble();
            return ctx.taskIndex() % 4 == 0 ? u * 1e15 : u;
        }).rng(RngKind.MRG32K3A, seed).identity("test-job v1");
    }

    static Combiner<Double, Double> sum() {
        return Combiner.inOrder(() -> 0.0, Double::sum);
    }

    static double uninterrupted(long seed) {
        try (LocalEngine e = new LocalEngine(1)) {
            return e.run(job(new AtomicInteger(), seed).chunkSize(CHUNK).build(), sum()).valueOrThrow();
        }
    }

    /** Byte offsets where each record (header first) starts, by walking the frames. */
    static List<Long> recordStarts(Path file) throws IOException {
        List<Long> starts = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long pos = 4;
            while (pos + 16 <= f.length()) {
                starts.add(pos);
                f.seek(pos);
                pos += 16 + f.readInt();
            }
        }
        return starts;
    }

    @Test
    void tornTailIsDroppedAndResumeRecomputesOnlyMissingChunks() throws Exception {
        double expected = uninterrupted(9);
        AtomicInteger calls = new AtomicInteger();
        try (LocalEngine e = new LocalEngine(3)) {
            JobResult<Double> full = e.run(job(calls, 9).chunkSize(CHUNK).checkpoint(dir, false).build(), sum());
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(full.valueOrThrow()));
        }
        assertEquals(N, calls.get());
        Path file = CheckpointJournal.fileIn(dir);
        List<Long> starts = recordStarts(file);
        assertEquals(1 + 15, starts.size(), "header + one record per chunk");

        // Simulated crash: only 10 chunk records made it, the 11th was cut mid-write.
        long cut = starts.get(11) + (starts.get(12) - starts.get(11)) / 2;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(cut);
        }
        Path backup = scratch.resolve("journal-after-crash");
        Files.copy(file, backup);

        // Which tasks are in the 10 surviving records (any 10 chunks, depending on arrival order)?
        int journaledTasks;
        try (CheckpointJournal j = CheckpointJournal.open(dir, job(calls, 9).build().fingerprint(), 0, 1, true)) {
            assertEquals(10, j.recovered().size());
            assertTrue(j.droppedBytes() > 0);
            assertEquals(starts.get(11), Files.size(file), "torn tail truncated");
            journaledTasks = j.recovered().stream().mapToInt(r -> r.count()).sum();
        }

        for (Scheduling s : Scheduling.values()) {
            for (int threads : new int[] {1, 2, 4}) {
                Files.copy(backup, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                calls.set(0);
                try (LocalEngine e = new LocalEngine(threads)) {
                    // no explicit chunk size: the journal's is adopted
                    JobResult<Double> resumed = e.run(job(calls, 9).scheduling(s).checkpoint(dir, true).build(), sum());
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(resumed.valueOrThrow()));
                    assertEquals(journaledTasks, resumed.tasksFromCheckpoint());
                }
                assertEquals(N - journaledTasks, calls.get(), "only missing chunks recomputed");
            }
        }
        // a finished journal recomputes nothing and gives the same list of results
        calls.set(0);
        try (LocalEngine e = new LocalEngine(2)) {
            List<Double> again = e.run(job(calls, 9).checkpoint(dir, true).build()).valueOrThrow();
            assertEquals(0, calls.get());
            double acc = 0;
            for (double d : again) acc += d;
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(acc));
        }
    }

    @Test
    void jobKilledMidRunResumesWithIdenticalResult() throws Exception {
        double expected = uninterrupted(4);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch blocked = new CountDownLatch(1);
        JobSpec<Void, Double> blocking = JobSpec.timesToRun(N, ctx -> {
            calls.incrementAndGet();
            if (ctx.taskIndex() >= 60) { // the "crash": everything from task 60 on never finishes
                blocked.countDown();
                Thread.sleep(600_000);
            }
            double u = ctx.rng().nextDouble();
            return ctx.taskIndex() % 4 == 0 ? u * 1e15 : u;
        }).rng(RngKind.MRG32K3A, 4).identity("test-job v1").chunkSize(CHUNK).checkpoint(dir, false).build();
        try (LocalEngine e = new LocalEngine(2)) {
            JobHandle<Double> h = e.submit(blocking, sum());
            assertTrue(blocked.await(30, TimeUnit.SECONDS));
            // let the chunks before task 60 that are not blocked finish, then kill
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (h.tasksDone() < 56 && System.nanoTime() < deadline) Thread.sleep(5);
            h.cancel();
            JobResult<Double> killed = h.await(Duration.ofSeconds(30)).orElseThrow();
            assertEquals(JobStatus.CANCELLED, killed.status());
            assertEquals(List.of(), killed.failures(), "interrupted tasks of a cancelled job are not failures");
        }
        int journaled;
        try (CheckpointJournal j = CheckpointJournal.open(dir, blocking.fingerprint(), CHUNK, 1, true)) {
            journaled = j.recovered().stream().mapToInt(r -> r.count()).sum();
        }
        assertTrue(journaled > 0 && journaled < N, "journaled " + journaled);
        calls.set(0);
        try (LocalEngine e = new LocalEngine(3)) {
            JobResult<Double> r = e.run(job(calls, 4).chunkSize(CHUNK).checkpoint(dir, true).build(), sum());
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(r.valueOrThrow()));
        }
        assertEquals(N - journaled, calls.get());
    }

    @Test
    void foreignJournalIsRefusedNamingBothJobs() {
        try (LocalEngine e = new LocalEngine(2)) {
            e.run(job(new AtomicInteger(), 1).chunkSize(CHUNK).checkpoint(dir, false).build());
            CheckpointMismatchException ex = assertThrows(CheckpointMismatchException.class,
                    () -> e.run(job(new AtomicInteger(), 2).checkpoint(dir, true).build()));
            assertTrue(ex.getMessage().contains("'test-job v1|tasks=100|rng=MRG32K3A:1'"), ex.getMessage());
            assertTrue(ex.getMessage().contains("'test-job v1|tasks=100|rng=MRG32K3A:2'"), ex.getMessage());
            assertFalse(ex.getMessage().contains("\n"));

            CheckpointMismatchException chunk = assertThrows(CheckpointMismatchException.class,
                    () -> e.run(job(new AtomicInteger(), 1).chunkSize(8).checkpoint(dir, true).build()));
            assertTrue(chunk.getMessage().contains("chunk size 7, this job asks for 8"), chunk.getMessage());

            IllegalArgumentException exists = assertThrows(IllegalArgumentException.class,
                    () -> e.run(job(new AtomicInteger(), 1).checkpoint(dir, false).build()));
            assertTrue(exists.getMessage().startsWith("checkpoint journal already exists: "), exists.getMessage());
        }
    }

    @Test
    void resumeOnMissingOrEmptyDirectoryStartsFromScratch() throws Exception {
        double expected = uninterrupted(5);
        Path missing = dir.resolve("not/yet/there");
        AtomicInteger calls = new AtomicInteger();
        try (LocalEngine e = new LocalEngine(2)) {
            double v = e.run(job(calls, 5).chunkSize(CHUNK).checkpoint(missing, true).build(), sum()).valueOrThrow();
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(v));
            assertEquals(N, calls.get());
            // a zero-length journal (crash before the header was written) is also a fresh start
            Path empty = dir.resolve("empty");
            Files.createDirectories(empty);
            Files.createFile(CheckpointJournal.fileIn(empty));
            calls.set(0);
            v = e.run(job(calls, 5).chunkSize(CHUNK).checkpoint(empty, true).build(), sum()).valueOrThrow();
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(v));
            assertEquals(N, calls.get());
        }
    }

    static void flipByte(Path file, long pos) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0x40);
        }
    }

    /** A listener that keeps the warnings (what the user is told on stderr). */
    static final class Warnings implements io.rankexec.core.progress.ProgressListener {
        final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        @Override public void onUpdate(io.rankexec.core.progress.Progress p) { }
        @Override public void onWarning(String message) { messages.add(message); }
    }

    @Test
    void corruptRecordInTheMiddleIsSkippedEveryOtherRecordKeptAndTheDamageReported() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (LocalEngine e = new LocalEngine(1)) {
            e.run(job(calls, 3).chunkSize(CHUNK).checkpoint(dir, false).build());
        }
        Path file = CheckpointJournal.fileIn(dir);
        List<Long> starts = recordStarts(file);
        long size = Files.size(file);
        flipByte(file, starts.get(4) + 16 + 20); // inside the payload of chunk record 3
        try (CheckpointJournal j = CheckpointJournal.open(dir, job(calls, 3).build().fingerprint(), 0, 1, true)) {
            List<Integer> kept = j.recovered().stream().map(r -> r.chunkIndex()).toList();
            assertEquals(List.of(0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), kept, "every valid record kept");
            assertEquals(1, j.damagedRecords());
            assertEquals(starts.get(5) - starts.get(4), j.droppedBytes());
            assertEquals(size, Files.size(file), "nothing after the damage is cut off");
            assertTrue(j.damageReport().contains("1 damaged record skipped"), j.damageReport());
        }
        calls.set(0);
        Warnings warnings = new Warnings();
        try (LocalEngine e = new LocalEngine(2)) {
            double v = e.run(job(calls, 3).checkpoint(dir, true).progress(warnings).build(), sum()).valueOrThrow();
            assertEquals(Double.doubleToLongBits(uninterrupted(3)), Double.doubleToLongBits(v));
        }
        assertEquals(CHUNK, calls.get(), "only the damaged record's chunk is recomputed");
        assertEquals(1, warnings.messages.size(), warnings.messages.toString());
        assertTrue(warnings.messages.get(0).contains("1 damaged record skipped"), warnings.messages.toString());
        assertTrue(warnings.messages.get(0).endsWith("14 valid records kept; 7 of 100 tasks will be computed"),
                warnings.messages.toString());
    }

    @Test
    void aDamagedLengthFieldResynchronisesOnTheNextRecord() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (LocalEngine e = new LocalEngine(1)) {
            e.run(job(calls, 3).chunkSize(CHUNK).checkpoint(dir, false).build());
        }
        Path file = CheckpointJournal.fileIn(dir);
        List<Long> starts = recordStarts(file);
        flipByte(file, starts.get(10) + 2); // the length of chunk record 9
        try (CheckpointJournal j = CheckpointJournal.open(dir, job(calls, 3).build().fingerprint(), 0, 1, true)) {
            assertEquals(14, j.recovered().size());
            assertFalse(j.recovered().stream().anyMatch(r -> r.chunkIndex() == 9));
            assertEquals(1, j.damagedRecords());
        }
    }

    @Test
    void aDamagedHeaderIsRefusedAndTheJournalLeftUntouched() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (LocalEngine e = new LocalEngine(1)) {
            e.run(job(calls, 3).chunkSize(CHUNK).checkpoint(dir, false).build());
        }
        Path file = CheckpointJournal.fileIn(dir);
        flipByte(file, 4 + 16 + 3); // inside the header's fingerprint
        byte[] damaged = Files.readAllBytes(file);
        for (boolean resume : new boolean[] {true, false}) {
            calls.set(0);
            try (LocalEngine e = new LocalEngine(1)) {
                IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                        () -> e.run(job(calls, 3).checkpoint(dir, resume).build()));
                assertTrue(ex.getMessage().contains("is damaged: its header"), ex.getMessage());
                assertTrue(ex.getMessage().contains("left untouched"), ex.getMessage());
            }
            assertEquals(0, calls.get());
            assertArrayEquals(damaged, Files.readAllBytes(file), "resume=" + resume);
        }
    }

    @Test
    void aRecordCopiedFromAnotherJobsJournalIsNotAccepted() throws Exception {
        Path other = scratch.resolve("other");
        AtomicInteger calls = new AtomicInteger();
        try (LocalEngine e = new LocalEngine(1)) {
            // same task count, chunk size and seed: the same chunk layout, another job
            e.run(JobSpec.timesToRun(N, ctx -> 1e300).rng(RngKind.MRG32K3A, 3).identity("another job")
                    .chunkSize(CHUNK).checkpoint(other, false).build());
            e.run(job(calls, 3).chunkSize(CHUNK).checkpoint(dir, false).build());
        }
        Path file = CheckpointJournal.fileIn(dir), foreign = CheckpointJournal.fileIn(other);
        List<Long> mine = recordStarts(file), theirs = recordStarts(foreign);
        // replace this job's last record (chunk 14 of the single-threaded run) by the other's
        byte[] foreignRecord = java.util.Arrays.copyOfRange(Files.readAllBytes(foreign), theirs.get(15).intValue(),
                (int) Files.size(foreign));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(mine.get(15));
            f.seek(mine.get(15));
            f.write(foreignRecord);
        }
        try (CheckpointJournal j = CheckpointJournal.open(dir, job(calls, 3).build().fingerprint(), 0, 1, true)) {
            assertEquals(14, j.recovered().size());
            assertEquals(1, j.foreignRecords());
            assertTrue(j.damageReport().contains("copied from another job's journal"), j.damageReport());
        }
        calls.set(0);
        try (LocalEngine e = new LocalEngine(1)) {
            double v = e.run(job(calls, 3).checkpoint(dir, true).build(), sum()).valueOrThrow();
            assertEquals(Double.doubleToLongBits(uninterrupted(3)), Double.doubleToLongBits(v));
        }
        assertEquals(N - 14 * CHUNK, calls.get());
    }

    @Test
    void chunksWithFailuresAreNotJournaledSoResumeRetriesThem() {
        AtomicInteger calls = new AtomicInteger();
        boolean[] broken = {true};
        JobSpec.Builder<Void, Integer> b = JobSpec.timesToRun(20, ctx -> {
            calls.incrementAndGet();
            if (broken[0] && ctx.taskIndex() == 12) throw new IllegalStateException("transient");
            return ctx.taskIndex();
        }).identity("flaky").chunkSize(5);
        try (LocalEngine e = new LocalEngine(2)) {
            JobResult<List<Integer>> first = e.run(b.checkpoint(dir, false).build());
            assertEquals(1, first.failures().size());
            broken[0] = false;
            calls.set(0);
            JobResult<List<Integer>> second = e.run(b.checkpoint(dir, true).build());
            assertTrue(second.isComplete());
            assertEquals(5, calls.get(), "only the chunk with the failed task reruns");
            assertEquals(12, second.value().get(12));
        }
    }

    @Test
    void journalInUseByAnotherJobIsRefused() throws Exception {
        try (CheckpointJournal j = CheckpointJournal.open(dir, "x", 3, 3, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CheckpointJournal.open(dir, "x", 3, 3, true));
            assertTrue(e.getMessage().endsWith("is in use by another job"), e.getMessage());
        }
    }
}
