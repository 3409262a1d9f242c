package io.rankexec.core.cli;

import io.rankexec.core.job.JobFailedException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;

/**
 * The {@code rankexec} command line: {@code rankexec [global options] KERNEL [kernel options]}.
 * Every mistake ends in one line {@code rankexec: error: ...} on stderr, never a stack trace;
 * exit codes: 0 success, 1 job or output failure, 2 usage or input error.
 */
public final class CliApp {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private CliApp() {
    }

    public static void main(String[] args) {
        int code = run(args, EngineProvider.local(), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command in-process. Under MPI every rank calls this with the same arguments; only
     * the coordinator prints results and writes files.
     */
    public static int run(String[] args, EngineProvider engines, PrintStream out, PrintStream err) {
        RootCommand root = new RootCommand(engines, out, err);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("rankexec: error: " + describe(ex) + " (see rankexec --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("rankexec: error: " + oneLine(message(ex)));
            return exitCode(ex);
        });
        cl.setExitCodeExceptionMapper(CliApp::exitCode);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof IllegalArgumentException || ex instanceof CommandLine.ParameterException) return USAGE;
        return FAILED;
    }

    private static String describe(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && u.getCommandLine().getCommand() instanceof RootCommand) {
            String first = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            if (!first.startsWith("-"))
                return "unknown kernel '" + first + "' (kernels: " + String.join(", ", RootCommand.KERNELS) + ")";
        }
        String m = ex.getMessage();
        if (m != null && m.startsWith("Unknown option")) m = m.replace("Unknown option", "unknown option");
        return oneLine(m);
    }

    private static String message(Throwable ex) {
        if (ex instanceof JobFailedException) return ex.getMessage();
        if (ex instanceof CancellationException) return "job cancelled" + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException || ex instanceof java.io.IOException)
            return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (ex instanceof OutOfMemoryError) return "out of memory (raise the JVM heap, e.g. JAVA_OPTS=-Xmx4g)";
        return "internal error: " + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    static String oneLine(String s) {
        if (s == null) return "unknown error";
        return s.replace("\r", " ").replace('\n', ' ').trim();
    }
}
