package io.rankexec.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.GlobalOptions;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.TaskFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #14.5: an OutOfMemoryError anywhere is one line naming the heap and RANKEXEC_JAVA_OPTS, never a trace. */
class OutOfMemoryTest {

    private static final String HEAP = "out of memory (Java heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB)";

    @Test
    void onTheProgramsThread() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = ProgramRunner.run(new LocalEngine(1), (engine, args) -> { throw new OutOfMemoryError("Java heap space"); },
                new String[0], GlobalOptions.DEFAULTS, "Main", err);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Rankexec.FAILED, code);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("rankexec: error: " + HEAP) && text.contains("RANKEXEC_JAVA_OPTS=-Xmx"), text);
    }

    @Test
    void inATaskOnAnyThreadOrRank() {
        JobSpec<Void, Integer> spec = JobSpec.<Integer>timesToRun(6, ctx -> {
            if (ctx.taskIndex() == 4) throw new OutOfMemoryError("Java heap space");
            return ctx.taskIndex();
        }).chunkSize(2).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = ProgramRunner.run(new LocalEngine(2), (engine, args) -> engine.run(spec),
                new String[0], GlobalOptions.parse(List.of("--quiet")), "Main", err);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Rankexec.FAILED, code, text);
        assertTrue(text.contains("task 4: java.lang.OutOfMemoryError: " + HEAP), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        JobResult<List<Integer>> r;
        try (LocalEngine e = new LocalEngine(1)) {
            r = e.run(spec);
        }
        TaskFailure f = r.failures().get(0);
        assertTrue(f.message().startsWith(HEAP) && f.stackTrace().lines().count() == 1, f.stackTrace());
    }

    @Test
    void onTheFatalPathsOfMpiRanks() {
        String m = ProgramRunner.describeFatal("MPI worker rank 2 failed", new RuntimeException(new OutOfMemoryError()));
        assertTrue(m.startsWith(HEAP) && m.contains("RANKEXEC_JAVA_OPTS=-Xmx") && m.endsWith("(MPI worker rank 2 failed)"), m);
        assertEquals("internal error on rank 1: java.lang.IllegalStateException: x",
                ProgramRunner.describeFatal("internal error on rank 1", new IllegalStateException("x")));
    }
}
