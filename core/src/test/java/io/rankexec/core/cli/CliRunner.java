package io.rankexec.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Runs the CLI in-process with the local engine and captures its streams. */
record CliRunner(int code, String out, String err) {

    static CliRunner run(String... args) {
        return run(EngineProvider.local(), args);
    }

    static CliRunner run(EngineProvider engines, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliApp.run(args, engines, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stdout without the "time:" line, which is the only part allowed to differ between runs. */
    String results() {
        return Arrays.stream(out.split("\n")).filter(l -> !l.startsWith("time:")).collect(Collectors.joining("\n"));
    }

    /** The line starting with {@code prefix}. */
    String line(String prefix) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out));
    }
}
