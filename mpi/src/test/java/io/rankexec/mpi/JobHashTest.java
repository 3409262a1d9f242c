package io.rankexec.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import org.junit.jupiter.api.Test;

/** The ranks compare these hashes to refuse a job that was not built identically everywhere. */
class JobHashTest {

    private static JobSpec.Builder<Void, Integer> job(int n) {
        return JobSpec.<Integer>timesToRun(n, ctx -> ctx.taskIndex()).identity("t n=" + n);
    }

    @Test
    void sameJobSameHashOtherwiseDifferent() {
        long h = MpiEngine.jobHash(job(10).build());
        assertEquals(h, MpiEngine.jobHash(job(10).build()));
        assertNotEquals(h, MpiEngine.jobHash(job(11).build()));
        assertNotEquals(h, MpiEngine.jobHash(job(10).seed(2).build()));
        assertNotEquals(h, MpiEngine.jobHash(job(10).chunkSize(3).build()));
        assertNotEquals(h, MpiEngine.jobHash(job(10).scheduling(Scheduling.STATIC).build()));
        assertNotEquals(h, MpiEngine.jobHash(job(10).continueOnFailure(false).build()));
        assertNotEquals(h, MpiEngine.jobHash(job(10).share("x", 1.0).build()));
    }
}
