package io.rankexec.kernels.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkerLabelTest {

    @Test
    void namesWorkersFromThreadNames() {
        assertEquals("thread 3", WorkerLabel.fromThreadName("rankexec-local-3"));
        assertEquals("rank 12", WorkerLabel.fromThreadName("rankexec-mpi-job-rank12"));
        assertEquals("rank 0", WorkerLabel.fromThreadName("rankexec-mpi-rank0-compute"));
        assertEquals("main", WorkerLabel.fromThreadName("main"));
        assertEquals("rankexec-local-x", WorkerLabel.fromThreadName("rankexec-local-x"));
    }
}
