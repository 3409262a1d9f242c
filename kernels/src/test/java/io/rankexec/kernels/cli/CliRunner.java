package io.rankexec.kernels.cli;

import io.rankexec.core.job.GlobalOptions;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.UsageException;
import io.rankexec.core.spi.ProgramRunner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the kernels' command line in-process on the local engine, as bin/rankexec would: the
 * global options before the kernel name go through {@link GlobalOptions}, the rest to the CLI.
 */
public record CliRunner(int code, String out, String err) {

    public static CliRunner run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        int k = 0;
        while (k < args.length && args[k].startsWith("-") && !args[k].startsWith("-h") && !args[k].startsWith("--help")
                && !args[k].startsWith("--version")) {
            k += args[k].contains("=") || List.of("--resume", "--quiet", "--stop-on-failure").contains(args[k]) ? 1 : 2;
        }
        k = Math.min(k, args.length);
        int code;
        try {
            GlobalOptions options = GlobalOptions.parse(List.of(Arrays.copyOfRange(args, 0, k)));
            code = Rankexec.runLocally(Arrays.copyOfRange(args, k, args.length), (engine, kernelArgs) -> {
                int c = CliApp.run(engine, kernelArgs, out, err);
                if (c != CliApp.OK) Rankexec.exit(c);
            }, options, "rankexec", err);
        } catch (UsageException e) {
            code = ProgramRunner.report(e, err);
        }
        return new CliRunner(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    /** stdout without the "time:" line, which is the only part allowed to differ between runs. */
    public String results() {
        return Arrays.stream(out.split("\n")).filter(l -> !l.startsWith("time:")).collect(Collectors.joining("\n"));
    }

    /** The line starting with {@code prefix}. */
    public String line(String prefix) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out));
    }
}
