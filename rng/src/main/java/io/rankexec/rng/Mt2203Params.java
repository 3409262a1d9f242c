package io.rankexec.rng;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 6024 MT2203 parameter sets (twist constant a, tempering masks b and c) of Intel MKL's
 * VSL_BRNG_MT2203, read once, on first use, from the resource {@code mt2203-params.txt}. The
 * table was recovered from MKL's output by {@code rng/tools/mkl/derive-mt2203.sh}.
 */
final class Mt2203Params {

    static final int COUNT = 6024;
    private static final String RESOURCE = "mt2203-params.txt";

    private Mt2203Params() {}

    /** Initialization-on-demand holder: the table is parsed by the first generator created. */
    private static final class Table {
        static final int[] A = new int[COUNT];
        static final int[] B = new int[COUNT];
        static final int[] C = new int[COUNT];

        static {
            load();
        }

        private static void load() {
            boolean[] seen = new boolean[COUNT];
            try (InputStream in = Mt2203Params.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                String line;
                int lineNo = 0;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.trim().split("\\s+");
                    if (f.length != 4) throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected 4 fields");
                    int i = Integer.parseInt(f[0]);
                    A[i] = Integer.parseUnsignedInt(f[1], 16);
                    B[i] = Integer.parseUnsignedInt(f[2], 16);
                    C[i] = Integer.parseUnsignedInt(f[3], 16);
                    seen[i] = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            for (int i = 0; i < COUNT; i++) {
                if (!seen[i]) throw new IllegalStateException(RESOURCE + ": no parameters for substream " + i);
            }
        }
    }

    static int twist(int substream) {
        return Table.A[substream];
    }

    static int maskB(int substream) {
        return Table.B[substream];
    }

    static int maskC(int substream) {
        return Table.C[substream];
    }
}
