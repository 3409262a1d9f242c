package io.rankexec.core.job;

import io.rankexec.rng.RngKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rankexec's global options, the same for the built-in kernels and for a user's own program:
 * {@code --seed N --rng KIND --chunk-size N --schedule static|dynamic --stop-on-failure
 * --task-timeout T} (the {@link JobSettings} applied to every job), and {@code --threads N
 * --checkpoint DIR --resume --quiet --output DIR} for the run.
 *
 * <p>They never travel in the program's own arguments: {@code bin/rankexec} takes them before
 * the main class or kernel and hands them over in the system property {@value #PROPERTY}
 * (or the environment variable {@value #ENV}), e.g.
 * {@code java -Drankexec.options="--seed 7 --threads 4" -cp app.jar org.example.Main ARGS}.
 * Tokens are separated by spaces or commas; {@code %XX} stands for a byte (e.g. {@code %20}).
 *
 * @param settings   job settings applied to jobs that do not set their own
 * @param threads    worker threads per process, 0 = one per processor
 * @param checkpoint directory of the checkpoint journals, or null
 * @param resume     resume from the journals in {@code checkpoint}
 * @param quiet      no progress on stderr
 * @param output     directory for output files, or null
 */
public record GlobalOptions(JobSettings settings, int threads, Path checkpoint, boolean resume, boolean quiet, Path output) {

    public static final String PROPERTY = "rankexec.options";
    public static final String ENV = "RANKEXEC_OPTIONS";

    public static final GlobalOptions DEFAULTS = new GlobalOptions(JobSettings.DEFAULTS, 0, null, false, false, null);

    /** One line per option, for help texts. */
    public static final String HELP =
            "  --seed N             seed of the task streams, 0..4294967295 (default " + JobSettings.DEFAULT_SEED + ")\n"
            + "  --rng KIND           MRG32K3A (default) or MT2203\n"
            + "  --chunk-size N       tasks per chunk (default: about 16 chunks per worker)\n"
            + "  --schedule MODE      dynamic (default) or static; never changes results\n"
            + "  --threads N          worker threads per process (default: one per processor)\n"
            + "  --checkpoint DIR     journal finished chunks in DIR\n"
            + "  --resume             resume from the journals in --checkpoint DIR\n"
            + "  --task-timeout T     per-task time limit: 30 (seconds), 500ms, 2m, 1h\n"
            + "  --stop-on-failure    stop a job at its first failed task (default: run all, report failures)\n"
            + "  --quiet              no progress on stderr\n"
            + "  --output DIR         directory for output files";

    /** The options of this process: {@value #PROPERTY}, else {@value #ENV}, else the defaults. */
    public static GlobalOptions fromEnvironment() {
        String s = System.getProperty(PROPERTY);
        if (s == null) s = System.getenv(ENV);
        return s == null || s.isBlank() ? DEFAULTS : parse(tokens(s));
    }

    /** Splits on spaces and commas and decodes {@code %XX} in each token. */
    public static List<String> tokens(String encoded) {
        List<String> out = new ArrayList<>();
        for (String t : encoded.trim().split("[\\s,]+")) {
            if (t.isEmpty()) continue;
            try {
                out.add(URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad escape in rankexec options: '" + t + "'");
            }
        }
        return out;
    }

    /** Parses option tokens; a mistake is a {@link UsageException} naming the option. */
    public static GlobalOptions parse(List<String> tokens) {
        try {
            return parseTokens(tokens);
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) { // a value the settings refuse (e.g. a seed the generator cannot take)
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static GlobalOptions parseTokens(List<String> tokens) {
        JobSettings s = JobSettings.DEFAULTS;
        int threads = 0;
        Path checkpoint = null, output = null;
        boolean resume = false, quiet = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String name = t, value = null;
            int eq = t.indexOf('=');
            if (t.startsWith("--") && eq > 0) {
                name = t.substring(0, eq);
                value = t.substring(eq + 1);
            }
            switch (name) {
                case "--resume" -> resume = true;
                case "--quiet" -> quiet = true;
                case "--stop-on-failure" -> s = s.withContinueOnFailure(false);
                case "--seed", "--rng", "--chunk-size", "--schedule", "--threads", "--checkpoint", "--task-timeout", "--output" -> {
                    if (value == null) {
                        if (i + 1 >= tokens.size()) throw new UsageException(name + " needs a value");
                        value = tokens.get(++i);
                    }
                    switch (name) {
                        case "--seed" -> {
                            long seed = number(name, value);
                            if (seed < 0 || seed > 0xFFFF_FFFFL)
                                throw new UsageException("--seed must be in [0, 4294967295], got " + value);
                            s = s.withSeed(seed);
                        }
                        case "--rng" -> s = s.withRng(enumValue(name, value, RngKind.class));
                        case "--chunk-size" -> s = s.withChunkSize((int) positive(name, value));
                        case "--schedule" -> s = s.withScheduling(enumValue(name, value, Scheduling.class));
                        case "--threads" -> threads = (int) positive(name, value);
                        case "--checkpoint" -> checkpoint = Path.of(value);
                        case "--task-timeout" -> s = s.withTaskTimeout(duration(value));
                        default -> output = Path.of(value);
                    }
                }
                default -> throw new UsageException((t.startsWith("-") ? "unknown option '" : "unexpected argument '") + t
                        + "' (rankexec's global options: --seed --rng --chunk-size --schedule --threads --checkpoint"
                        + " --resume --task-timeout --stop-on-failure --quiet --output)");
            }
        }
        if (resume && checkpoint == null) throw new UsageException("--resume needs --checkpoint DIR");
        return new GlobalOptions(s, threads, checkpoint, resume, quiet, output);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, got '" + value + "'");
        }
    }

    private static long positive(String name, String value) {
        long n = number(name, value);
        if (n < 1 || n > Integer.MAX_VALUE) throw new UsageException(name + " must be >= 1, got " + value);
        return n;
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(value.trim())) return e;
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
        throw new UsageException(name + " must be one of " + String.join(", ", names) + ", got '" + value + "'");
    }

    /** "30" (seconds), "1.5s", "500ms", "2m", "1h", or ISO-8601 "PT30S". */
    public static Duration duration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.startsWith("pt") || s.startsWith("p")) d = Duration.parse(s.toUpperCase(Locale.ROOT));
            else if (s.endsWith("ms")) d = Duration.ofNanos(Math.round(Double.parseDouble(s.substring(0, s.length() - 2)) * 1e6));
            else if (s.endsWith("s")) d = seconds(s.substring(0, s.length() - 1), 1);
            else if (s.endsWith("m")) d = seconds(s.substring(0, s.length() - 1), 60);
            else if (s.endsWith("h")) d = seconds(s.substring(0, s.length() - 1), 3600);
            else d = seconds(s, 1);
            if (d.isNegative() || d.isZero()) throw new UsageException("--task-timeout must be positive, got '" + text + "'");
            return d;
        } catch (RuntimeException e) {
            if (e instanceof UsageException u) throw u;
            throw new UsageException("--task-timeout needs a duration like 30, 500ms, 2m or 1h, got '" + text + "'");
        }
    }

    private static Duration seconds(String number, double unit) {
        return Duration.ofNanos(Math.round(Double.parseDouble(number) * unit * 1e9));
    }

    /**
     * The tokens that reproduce these options, for a launcher that forwards them ({@link #tokens}
     * reads them back). Only options that differ from the defaults are written.
     */
    public List<String> toTokens() {
        List<String> t = new ArrayList<>();
        JobSettings d = JobSettings.DEFAULTS;
        if (settings.seed() != d.seed()) t.addAll(List.of("--seed", Long.toString(settings.seed())));
        if (settings.rng() != d.rng()) t.addAll(List.of("--rng", settings.rng().name()));
        if (settings.chunkSize() != 0) t.addAll(List.of("--chunk-size", Integer.toString(settings.chunkSize())));
        if (settings.scheduling() != d.scheduling()) t.addAll(List.of("--schedule", settings.scheduling().name()));
        if (!settings.continueOnFailure()) t.add("--stop-on-failure");
        if (settings.taskTimeout() != null) t.addAll(List.of("--task-timeout", settings.taskTimeout().toString()));
        if (threads > 0) t.addAll(List.of("--threads", Integer.toString(threads)));
        if (checkpoint != null) t.addAll(List.of("--checkpoint", checkpoint.toString()));
        if (resume) t.add("--resume");
        if (quiet) t.add("--quiet");
        if (output != null) t.addAll(List.of("--output", output.toString()));
        return t;
    }
}
