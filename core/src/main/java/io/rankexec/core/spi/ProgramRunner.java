package io.rankexec.core.spi;

import io.rankexec.core.checkpoint.CheckpointMismatchException;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.GlobalOptions;
import io.rankexec.core.job.JobFailedException;
import io.rankexec.core.job.Program;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs a program on an engine and turns what happened into an exit code and at most a few lines
 * on stderr: 0 every job completed; 1 a job did not complete or the program failed; 2 a usage or
 * input error (one line, never a stack trace). Shared by the local start and rank 0 under MPI.
 */
public final class ProgramRunner {
    private ProgramRunner() { }

    /** The options of the program running in this process (per class loader: per MPI rank). */
    private static volatile GlobalOptions current = GlobalOptions.DEFAULTS;

    /** What {@link Rankexec#options()} returns: the running program's options, else the defaults. */
    public static GlobalOptions currentOptions() {
        return current;
    }

    /** Checks the output and checkpoint directories, runs the program, closes the engine. */
    public static int run(Engine base, Program program, String[] args, GlobalOptions options, String programIdentity,
                          PrintStream err) {
        GlobalOptions previous = current;
        current = options;
        try {
            return runWith(base, program, args, options, programIdentity, err);
        } finally {
            current = previous;
        }
    }

    private static int runWith(Engine base, Program program, String[] args, GlobalOptions options, String programIdentity,
                               PrintStream err) {
        ProgramEngine engine = new ProgramEngine(base, options, identity(programIdentity, args), err);
        try (engine) {
            checkWritableDirectory("--output", options.output());
            checkWritableDirectory("--checkpoint", options.checkpoint());
            program.run(engine, args.clone());
            return engine.hadIncompleteJob() ? Rankexec.FAILED : Rankexec.OK;
        } catch (Throwable t) {
            return report(t, err);
        } finally {
            err.flush();
        }
    }

    /** Main class and arguments, quoted where needed: the base of every job's checkpoint identity. */
    static String identity(String mainClass, String[] args) {
        List<String> parts = new ArrayList<>();
        parts.add(mainClass);
        for (String a : args) parts.add(a.isEmpty() || a.matches(".*[\\s'\"|].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        return String.join(" ", parts);
    }

    /** Thrown by {@link Rankexec#exit}: ends the program with its code, nothing printed. */
    public static final class ExitRequest extends RuntimeException {
        final int code;

        public ExitRequest(int code) {
            super("exit " + code, null, false, false);
            this.code = code;
        }
    }

    /** One line (two for an unexpected exception of the program's own) and the exit code. */
    public static int report(Throwable t, PrintStream err) {
        if (t instanceof ExitRequest e) return e.code;
        if (outOfMemory(t)) {
            err.println("rankexec: error: " + outOfMemoryMessage());
            return Rankexec.FAILED;
        }
        if (t instanceof UsageException || t instanceof CheckpointMismatchException || t instanceof IllegalArgumentException) {
            err.println("rankexec: error: " + oneLine(t.getMessage(), t));
            return Rankexec.USAGE;
        }
        if (t instanceof JobFailedException || t instanceof CancellationException) {
            err.println("rankexec: error: " + oneLine(t.getMessage(), t));
            return Rankexec.FAILED;
        }
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            err.println("rankexec: error: " + oneLine(t.getMessage(), t));
            return Rankexec.FAILED;
        }
        err.println("rankexec: error: the program failed: " + oneLine(String.valueOf(t), t));
        t.printStackTrace(err); // the program's own bug: its stack trace is what its author needs
        return Rankexec.FAILED;
    }

    /** True if {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    public static boolean outOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++)
            if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    /** The one line every OutOfMemoryError becomes, on any rank or thread: this JVM's heap and the remedy. */
    public static String outOfMemoryMessage() {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory (Java heap " + maxMb + " MB): give the JVM more, e.g. RANKEXEC_JAVA_OPTS=-Xmx"
                + Math.max(1, 2 * maxMb / 1024 + 1) + "g, or use less data per process";
    }

    /** {@code context + ": " + t}, or the out-of-memory line when {@code t} is one: for fatal paths. */
    public static String describeFatal(String context, Throwable t) {
        return outOfMemory(t) ? outOfMemoryMessage() + " (" + context + ")" : context + ": " + t;
    }

    /**
     * Makes an uncaught OutOfMemoryError on any thread of this JVM one line on stderr instead of a
     * stack trace; other uncaught exceptions keep the JVM's default report.
     */
    public static void installOutOfMemoryHandler() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        if (previous instanceof OutOfMemoryHandler) return;
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryHandler(previous));
    }

    private record OutOfMemoryHandler(Thread.UncaughtExceptionHandler previous) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (outOfMemory(e)) {
                System.err.println("rankexec: error: " + outOfMemoryMessage() + " (thread " + t.getName() + ")");
                System.err.flush();
            } else if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        }
    }

    private static String oneLine(String message, Throwable t) {
        String m = message == null ? t.getClass().getSimpleName() : message;
        return m.replace("\r", " ").replace('\n', ' ').trim();
    }

    private static final int PROBE_BYTES = 8192;

    /** Creates {@code dir} if missing and proves it writable before any work starts. */
    static void checkWritableDirectory(String option, Path dir) {
        if (dir == null) return;
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UsageException(option + " " + dir + " is not a directory");
        try {
            Files.createDirectories(dir);
            // A few KB written and forced: a full file system fails here too, not only a read-only one.
            Path probe = Files.createTempFile(dir, ".rankexec-probe", "");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(probe,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.allocate(PROBE_BYTES));
                ch.force(true);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | SecurityException e) {
            throw new UsageException(option + " " + dir + " is not writable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
