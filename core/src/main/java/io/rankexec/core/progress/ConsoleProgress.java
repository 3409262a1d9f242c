package io.rankexec.core.progress;

import io.rankexec.core.job.JobStatus;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr. On an interactive console: a bar redrawn in place (at most ~10 times a
 * second) with tasks done/total, rate and ETA. Otherwise (batch jobs, logs): a plain line every
 * {@code interval} seconds and one at the end.
 */
public final class ConsoleProgress implements ProgressListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final long lineIntervalNanos;
    private long lastPrint = Long.MIN_VALUE;

    public ConsoleProgress(PrintStream out, boolean interactive, double lineIntervalSeconds) {
        this.out = out;
        this.interactive = interactive;
        this.lineIntervalNanos = (long) (lineIntervalSeconds * 1e9);
    }

    /** Progress on stderr: a bar if {@code System.console() != null}, else a line every 5 s. */
    public static ProgressListener stderr() {
        return new ConsoleProgress(System.err, System.console() != null, 5.0);
    }

    /** {@link #stderr()} unless {@code quiet}, then {@link ProgressListener#NONE}. */
    public static ProgressListener create(boolean quiet) {
        return quiet ? ProgressListener.NONE : stderr();
    }

    @Override
    public synchronized void onStart(Progress p) {
        lastPrint = System.nanoTime();
        if (!interactive && p.tasksResumed() > 0)
            out.println("resumed " + p.tasksResumed() + "/" + p.tasksTotal() + " tasks from checkpoint");
    }

    @Override
    public synchronized void onUpdate(Progress p) {
        long now = System.nanoTime();
        long interval = interactive ? REDRAW_NANOS : lineIntervalNanos;
        if (lastPrint != Long.MIN_VALUE && now - lastPrint < interval) return;
        lastPrint = now;
        print(p, null);
    }

    @Override
    public synchronized void onFinish(Progress p, JobStatus status) {
        print(p, status);
        if (interactive) out.println();
        out.flush();
    }

    private void print(Progress p, JobStatus status) {
        String text = format(p, status);
        if (interactive) {
            out.print("\r" + bar(p.fraction()) + " " + text + "   ");
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** "1234/10000 tasks (12.3%), 5678.9 tasks/s, ETA 00:01:23[, 2 failed][ - COMPLETED]". */
    static String format(Progress p, JobStatus status) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.tasksDone()).append('/').append(p.tasksTotal()).append(" tasks (")
          .append(String.format(Locale.ROOT, "%.1f", 100 * p.fraction())).append("%)");
        double rate = p.tasksPerSecond();
        if (rate > 0) sb.append(", ").append(formatRate(rate)).append(" tasks/s");
        if (status == null) {
            double eta = p.etaSeconds();
            sb.append(", ETA ").append(eta < 0 ? "--:--:--" : hms(eta));
        } else {
            sb.append(", ").append(hms(p.elapsedNanos() / 1e9)).append(" elapsed");
        }
        if (p.failures() > 0) sb.append(", ").append(p.failures()).append(" failed");
        if (status != null) sb.append(" - ").append(status);
        return sb.toString();
    }

    private static String formatRate(double rate) {
        return rate >= 100 ? String.format(Locale.ROOT, "%.0f", rate) : String.format(Locale.ROOT, "%.2f", rate);
    }

    static String hms(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }
}
