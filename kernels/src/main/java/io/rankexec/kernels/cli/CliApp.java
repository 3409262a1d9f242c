package io.rankexec.kernels.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.spi.ProgramRunner;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The built-in kernels' command line, {@code rankexec [global options] KERNEL [kernel options]}: a
 * program like any user's, started through {@link Rankexec#main} (bin/rankexec runs it when no
 * {@code --class-path} is given). Every mistake ends in one line {@code rankexec: error: ...} on
 * stderr, never a stack trace; exit codes: 0 success, 1 job or output failure, 2 usage or input error.
 */
public final class CliApp {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private CliApp() {
    }

    public static void main(String[] args) {
        Rankexec.main(args, (engine, kernelArgs) -> {
            int code = run(engine, kernelArgs, System.out, System.err);
            if (code != OK) Rankexec.exit(code);
        });
    }

    /** Runs one kernel command on {@code engine}; returns the exit code. */
    public static int run(Engine engine, String[] args, PrintStream out, PrintStream err) {
        RootCommand root = new RootCommand(engine, out, err);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("rankexec: error: " + describe(ex) + " (see rankexec --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> ProgramRunner.report(ex, err));
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
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

    static String oneLine(String s) {
        if (s == null) return "unknown error";
        return s.replace("\r", " ").replace('\n', ' ').trim();
    }
}
