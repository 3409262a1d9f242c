package io.rankexec.core.job;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.progress.ConsoleProgress;
import io.rankexec.rng.RngKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JobSpecTest {

    static String message(Executable bad) {
        return assertThrows(IllegalArgumentException.class, bad).getMessage();
    }

    @Test
    void userMistakesGetOneLineMessages() {
        assertEquals("timesToRun must be >= 0, got -3", message(() -> JobSpec.timesToRun(-3, ctx -> 1)));
        assertEquals("chunk size must be >= 1, got 0", message(() -> JobSpec.timesToRun(3, ctx -> 1).chunkSize(0)));
        assertEquals("element 1 is null", message(() -> JobSpec.overElements(Arrays.asList("a", null), (ctx, s) -> s)));
        assertEquals("shared object 'x' registered twice",
                message(() -> JobSpec.timesToRun(1, ctx -> 1).share("x", 1).share("x", 2)));
        assertEquals("shared object 'y' is null", message(() -> JobSpec.timesToRun(1, ctx -> 1).share("y", null)));
        assertEquals("task timeout must be positive, got PT0S",
                message(() -> JobSpec.timesToRun(1, ctx -> 1).taskTimeout(Duration.ZERO)));
        assertEquals("checkpointing needs a job identity (set identity(...))",
                message(() -> JobSpec.timesToRun(1, ctx -> 1).checkpoint(Path.of("cp"), true).build()));
        assertTrue(message(() -> JobSpec.timesToRun(1, ctx -> 1).rng(RngKind.MRG32K3A, -1).build()).contains("seed"));
    }

    @Test
    void specIsImmutableAndDescribesItself() {
        List<Integer> elems = new java.util.ArrayList<>(List.of(3, 4));
        JobSpec<Integer, Integer> spec = JobSpec.overElements(elems, (ctx, x) -> x).rng(RngKind.MRG32K3A, 777)
                .identity("square n=2").chunkSize(5).build();
        elems.add(5);
        assertEquals(2, spec.taskCount());
        assertEquals(4, spec.argument(1));
        assertThrows(UnsupportedOperationException.class, () -> spec.elements().add(1));
        assertEquals("square n=2|tasks=2|rng=MRG32K3A:777", spec.fingerprint());
        assertNull(JobSpec.timesToRun(2, ctx -> 1).build().argument(0));
        JobSpec<Integer, Integer> copy = spec.toBuilder().seed(778).build();
        assertEquals(777, spec.seed());
        assertEquals(778, copy.seed());
        assertEquals(5, copy.chunkSize());
    }

    /** The example of core/API.md, kept compiling and correct. */
    @Test
    void apiExampleRuns() throws Exception {
        boolean quiet = true;
        JobSpec<Void, Boolean> spec = JobSpec.<Boolean>timesToRun(10_000, ctx -> ctx.rng().nextDouble() < 0.25)
                .chunkSize(2000).rng(RngKind.MRG32K3A, 777).identity("coin n=10000 seed=777")
                .progress(ConsoleProgress.create(quiet)).build();
        try (Engine engine = new LocalEngine()) {
            long wins = engine.run(spec, Combiner.<Boolean, Long>inOrder(() -> 0L, (acc, win) -> win ? acc + 1 : acc))
                              .valueOrThrow();
            JobHandle<List<Boolean>> h = engine.submit(spec);
            List<Boolean> each = h.await().valueOrThrow();
            assertEquals(each.stream().filter(b -> b).count(), wins);
            assertTrue(wins > 2300 && wins < 2700, "about a quarter: " + wins);
        }
    }
}
