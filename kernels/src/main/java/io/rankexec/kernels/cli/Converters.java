package io.rankexec.kernels.cli;

import io.rankexec.core.job.UsageException;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** Option value parsers. */
final class Converters {

    private Converters() {
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
