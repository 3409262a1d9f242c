package io.rankexec.core.progress;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.job.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void formatShowsCountsRateAndEta() {
        // 250 of 1000 done in 5 s => 50 tasks/s, 750 left => 15 s
        Progress p = new Progress(250, 1000, 0, 2, 5_000_000_000L);
        assertEquals("250/1000 tasks (25.0%), 50.00 tasks/s, ETA 00:00:15, 2 failed", ConsoleProgress.format(p, null));
        assertEquals("1000/1000 tasks (100.0%), 200 tasks/s, 00:00:05 elapsed - COMPLETED",
                ConsoleProgress.format(new Progress(1000, 1000, 0, 0, 5_000_000_000L), JobStatus.COMPLETED));
        assertEquals("01:01:01", ConsoleProgress.hms(3661));
    }

    @Test
    void rateExcludesResumedTasks() {
        Progress p = new Progress(600, 1000, 500, 0, 1_000_000_000L);
        assertEquals(100.0, p.tasksPerSecond());
        assertEquals(4.0, p.etaSeconds());
        assertEquals(-1, new Progress(500, 1000, 500, 0, 1_000_000_000L).etaSeconds());
        assertEquals(1.0, new Progress(0, 0, 0, 0, 0).fraction());
    }

    @Test
    void nonInteractivePrintsPlainLinesAtIntervalAndAtEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress c = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 3600);
        c.onStart(new Progress(0, 10, 0, 0, 0));
        for (int i = 1; i <= 10; i++) c.onUpdate(new Progress(i, 10, 0, 0, i * 1_000_000L));
        c.onFinish(new Progress(10, 10, 0, 0, 10_000_000L), JobStatus.COMPLETED);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, "interval not reached: only the final line");
        assertTrue(lines[0].startsWith("10/10 tasks (100.0%)") && lines[0].endsWith("- COMPLETED"), lines[0]);
        assertFalse(lines[0].contains("\r"));
    }

    @Test
    void interactiveRedrawsABarInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress c = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 5);
        c.onUpdate(new Progress(5, 10, 0, 0, 1_000_000L));
        c.onFinish(new Progress(10, 10, 0, 0, 2_000_000L), JobStatus.COMPLETED);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "] 5/10 tasks"), out);
        assertTrue(out.contains("\r[" + "#".repeat(30) + "] 10/10 tasks"), out);
        assertTrue(out.endsWith("\n"));
    }

    @Test
    void quietIsSilent() {
        assertSame(ProgressListener.NONE, ConsoleProgress.create(true));
    }
}
