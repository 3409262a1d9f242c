package io.rankexec.core.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Option value parsers. */
final class Converters {

    private Converters() {
    }

    /** "30" or "1.5" (seconds), "500ms", "30s", "2m", "1h", or ISO-8601 "PT30S". */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase();
            try {
                if (v.startsWith("pt")) return Duration.parse(value.trim());
                double factorMs = 1000;
                if (v.endsWith("ms")) { factorMs = 1; v = v.substring(0, v.length() - 2); }
                else if (v.endsWith("s")) v = v.substring(0, v.length() - 1);
                else if (v.endsWith("m")) { factorMs = 60_000; v = v.substring(0, v.length() - 1); }
                else if (v.endsWith("h")) { factorMs = 3_600_000; v = v.substring(0, v.length() - 1); }
                double ms = Double.parseDouble(v) * factorMs;
                if (!(ms > 0) || Double.isInfinite(ms)) throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration");
                return Duration.ofNanos((long) (ms * 1e6));
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 30, 500ms, 2m)");
            }
        }
    }

    /** Group sizes: "2:100" (R's 2:100), "3,25,50", or a mix "2:5,10". */
    static List<Integer> intList(String option, String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            try {
                int colon = p.indexOf(':');
                if (colon >= 0) {
                    int a = Integer.parseInt(p.substring(0, colon).trim());
                    int b = Integer.parseInt(p.substring(colon + 1).trim());
                    if (b < a) throw new UsageException(option + " range " + p + " is empty (end before start)");
                    if ((long) b - a > 1_000_000) throw new UsageException(option + " range " + p + " has more than 1000000 values");
                    for (int i = a; i <= b; i++) out.add(i);
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new UsageException(option + " '" + value + "' is not a list of integers like 2:100 or 3,25,50");
            }
        }
        return out;
    }
}
