package io.rankexec.core.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.spi.Chunk;
import io.rankexec.core.spi.ChunkResult;
import io.rankexec.core.spi.ResultCollector;
import io.rankexec.core.spi.SerializedChunk;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.TaskFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending a chunk from bytes already serialized (what rank 0 does with a worker's message). */
class CheckpointJournalTest {

    @TempDir Path dir;

    static ChunkResult result(int chunk, double... values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) boxed[i] = values[i];
        return new ChunkResult(new Chunk(chunk, chunk * values.length, values.length), values.length, boxed,
                new TaskFailure[0], 0);
    }

    @Test
    void appendingTheSerializedBytesWritesTheSameFileAsAppendingTheResult() throws Exception {
        ChunkResult first = result(0, 1.5, 2.5), second = result(1, -3.0, 4.0);
        Path a = dir.resolve("a"), b = dir.resolve("b");
        try (CheckpointJournal j = CheckpointJournal.open(a, "job", 2, 2, false)) {
            j.append(first);
            j.append(second);
        }
        try (CheckpointJournal j = CheckpointJournal.open(b, "job", 2, 2, false)) {
            j.append(SerializedChunk.of(first, 0));
            j.append(SerializedChunk.of(second, 5)); // headroom is not part of the record
        }
        assertArrayEquals(Files.readAllBytes(CheckpointJournal.fileIn(a)), Files.readAllBytes(CheckpointJournal.fileIn(b)));
        try (CheckpointJournal j = CheckpointJournal.open(b, "job", 0, 7, true)) {
            assertEquals(2, j.recovered().size());
            assertEquals(second.chunk(), j.recovered().get(1).chunk());
            assertEquals(-3.0, j.recovered().get(1).result(0));
            assertEquals(0, j.droppedBytes());
        }
    }

    @Test
    void theRecordIsTheGivenBytesAsTheyAreNotAReserialization() throws Exception {
        SerializedChunk sent = SerializedChunk.of(result(0, 1.0, 2.0), 1);
        ChunkResult otherObject = result(0, 9.0, 9.0);
        try (CheckpointJournal j = CheckpointJournal.open(dir, "job", 2, 2, false)) {
            j.append(new SerializedChunk(otherObject, sent.buffer(), sent.offset(), sent.length()));
        }
        try (CheckpointJournal j = CheckpointJournal.open(dir, "job", 2, 2, true)) {
            assertEquals(1.0, j.recovered().get(0).result(0));
        }
    }

    @Test
    void collectorJournalsAcceptedBytesAndAResumeRestoresThem() throws Exception {
        JobSpec<Void, Double> spec = JobSpec.<Double>timesToRun(4, ctx -> 0.0).identity("bytes").chunkSize(2)
                .checkpoint(dir, false).build();
        Combiner<Double, Double> sum = Combiner.inOrder(() -> 0.0, Double::sum);
        ResultCollector<Double, Double> first = ResultCollector.open(spec, sum, 1);
        first.accept(SerializedChunk.of(result(1, 10.0, 20.0), 1));
        assertEquals(JobStatus.FAILED, first.finish().status(), "chunk 0 never came");

        JobSpec<Void, Double> resumed = JobSpec.<Double>timesToRun(4, ctx -> 0.0).identity("bytes").chunkSize(2)
                .checkpoint(dir, true).build();
        ResultCollector<Double, Double> second = ResultCollector.open(resumed, sum, 1);
        assertEquals(1, second.pendingChunks().size());
        assertEquals(0, second.pendingChunks().get(0).index());
        second.accept(SerializedChunk.of(result(0, 1.0, 2.0), 0));
        JobResult<Double> r = second.finish();
        assertEquals(JobStatus.COMPLETED, r.status());
        assertEquals(33.0, r.value());
        assertEquals(2, r.tasksFromCheckpoint());
    }
}
