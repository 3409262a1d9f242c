package io.rankexec.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.core.job.GlobalOptions;
import io.rankexec.core.job.Program;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a program started by Rankexec gets back: exit codes and what stderr says. */
class ProgramRunnerTest {

    private record Run(int code, String err) { }

    private static Run run(Program program, String... options) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Rankexec.runLocally(new String[] {"a1"}, program, GlobalOptions.parse(List.of(options)), "test.Main",
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyJobCompletedIsExitZeroAndSilentUnderQuiet() {
        Run r = run((engine, args) -> engine.repeat(10, ctx -> ctx.taskIndex()), "--quiet");
        assertEquals(new Run(0, ""), r);
    }

    @Test
    void aUsageExceptionIsOneLineAndExitTwo() {
        Run r = run((engine, args) -> { throw new UsageException("unknown option '--x'"); });
        assertEquals(new Run(2, "rankexec: error: unknown option '--x'" + System.lineSeparator()), r);
    }

    @Test
    void aTaskThatCouldNotTravelToOtherRanksFailsLocallyToo() {
        Object notSerializable = new Object();
        Run r = run((engine, args) -> engine.repeat(3, ctx -> notSerializable.hashCode()), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("rankexec: error: the job cannot be sent to other MPI ranks: its task or an element"
                + " holds a java.lang.Object"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void failedTasksAreReportedWithTheirStackTraceHeadAndExitOne() {
        Run r = run((engine, args) -> engine.repeat(20, ctx -> {
            if (ctx.taskIndex() == 7) throw new IllegalStateException("seven");
            return 1;
        }), "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("rankexec: job 1: 1 of 20 tasks failed"), r.err());
        assertTrue(r.err().contains("task 7: java.lang.IllegalStateException: seven"), r.err());
        assertTrue(r.err().contains("\tat io.rankexec.core.spi.ProgramRunnerTest"), "where the task failed: " + r.err());
        assertTrue(r.err().strip().endsWith("rankexec: error: task 7 failed: java.lang.IllegalStateException: seven"), r.err());
    }

    @Test
    void theProgramsOwnBugKeepsItsStackTraceAndExitsOne() {
        Run r = run((engine, args) -> { throw new NullPointerException("oops"); }, "--quiet");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("rankexec: error: the program failed: java.lang.NullPointerException: oops"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void exitEndsTheProgramWithItsCodeAndNothingPrinted() {
        assertEquals(new Run(3, ""), run((engine, args) -> Rankexec.exit(3), "--quiet"));
    }

    @Test
    void checkpointIdentityIsDerivedFromTheMainClassAndEveryArgument() {
        assertEquals("test.Main --k 'a b' ''", ProgramRunner.identity("test.Main", new String[] {"--k", "a b", ""}));
    }
}
