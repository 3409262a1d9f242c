package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mt2203 against output recorded from Intel MKL 2020.4 (rng/tools/mkl/derive-mt2203.sh):
 * values 0..99 and 99,900..99,999 of substreams 0, 1, 2, 1000, 6023 for seeds 1, 777, 2^32-1,
 * as bits, doubles and floats on [0,1) and on a range; task blocks (vslNewStreamEx keys); and a
 * hash of the first 10,000 outputs of all 6024 substreams.
 */
class Mt2203GoldenTest {

    private static final int LENGTH = 100_000;

    /** One golden line: substream, MKL key ("seed" or "seed,block"), index, value text. */
    record Golden(int substream, String key, int index, String value) {}

    static List<Golden> read(String name) throws IOException {
        List<Golden> lines = new ArrayList<>();
        try (InputStream in = Mt2203GoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IOException("missing golden file " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.trim().split("\\s+");
                lines.add(new Golden(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f[3]));
            }
        }
        return lines;
    }

    /** Golden lines grouped by (substream, key), in file order. */
    static Map<String, List<Golden>> byStream(List<Golden> lines) {
        Map<String, List<Golden>> m = new LinkedHashMap<>();
        for (Golden g : lines) m.computeIfAbsent(g.substream() + " " + g.key(), k -> new ArrayList<>()).add(g);
        return m;
    }

    /** Key "seed": MKL's vslNewStream substream; key "seed,task": the task stream (vslNewStreamEx). */
    private static Mt2203 generator(Golden g) {
        String[] key = g.key().split(",");
        long seed = Long.parseLong(key[0]);
        if (key.length == 1) return new Mt2203(seed, g.substream());
        long task = Long.parseLong(key[1]);
        assertEquals(task % Mt2203.SUBSTREAMS, g.substream(), "golden line's substream");
        return Mt2203.forTask(seed, task);
    }

    @Test
    void bitsMatchMklBlockAndScalar() throws IOException {
        Map<String, List<Golden>> streams = byStream(read("mt2203-bits.txt"));
        assertEquals(15, streams.size());
        for (List<Golden> expected : streams.values()) {
            int[] block = new int[LENGTH];
            generator(expected.get(0)).fillBits(block, 0, LENGTH);
            Mt2203 scalar = generator(expected.get(0));
            int[] scalarValues = new int[LENGTH];
            for (int i = 0; i < LENGTH; i++) scalarValues[i] = scalar.nextBits32();
            for (Golden g : expected) {
                String where = "substream " + g.substream() + " seed " + g.key() + " index " + g.index();
                assertEquals(g.value(), Integer.toUnsignedString(block[g.index()]), where + " (fillBits)");
                assertEquals(g.value(), Integer.toUnsignedString(scalarValues[g.index()]), where + " (nextBits32)");
            }
        }
    }

    @Test
    void doublesOnUnitIntervalMatchMkl() throws IOException {
        for (List<Golden> expected : byStream(read("mt2203-double.txt")).values()) {
            double[] block = new double[LENGTH];
            generator(expected.get(0)).fill(block, 0, LENGTH);
            Mt2203 scalar = generator(expected.get(0));
            for (int i = 0; i < 100; i++) {
                Golden g = expected.get(i);
                assertEquals(g.value(), hex(scalar.nextDouble()), "nextDouble " + g);
            }
            for (Golden g : expected) assertEquals(g.value(), hex(block[g.index()]), "fill " + g);
        }
    }

    @Test
    void doublesOnRangeMatchMkl() throws IOException {
        for (List<Golden> expected : byStream(read("mt2203-double-range.txt")).values()) {
            double[] block = new double[LENGTH];
            generator(expected.get(0)).fill(block, 0, LENGTH, -2.5, 7.3);
            for (Golden g : expected) assertEquals(g.value(), hex(block[g.index()]), g.toString());
        }
    }

    @Test
    void floatsMatchMkl() throws IOException {
        for (List<Golden> expected : byStream(read("mt2203-float.txt")).values()) {
            float[] block = new float[LENGTH];
            generator(expected.get(0)).fill(block, 0, LENGTH);
            for (Golden g : expected) assertEquals(g.value(), hex(block[g.index()]), g.toString());
        }
        for (List<Golden> expected : byStream(read("mt2203-float-range.txt")).values()) {
            float[] block = new float[LENGTH];
            generator(expected.get(0)).fill(block, 0, LENGTH, -0.0013f, 300000.7f);
            for (Golden g : expected) assertEquals(g.value(), hex(block[g.index()]), g.toString());
        }
    }

    @Test
    void taskStreamsMatchMklStreamsSeededWithTwoWordKeys() throws IOException {
        Map<String, List<Golden>> streams = byStream(read("mt2203-task-blocks.txt"));
        assertEquals(7, streams.size());
        for (List<Golden> expected : streams.values()) {
            Mt2203 g = generator(expected.get(0));
            for (Golden e : expected) assertEquals(e.value(), Integer.toUnsignedString(g.nextBits32()), e.toString());
        }
    }

    @Test
    void everySubstreamMatchesMklOverTenThousandOutputs() throws IOException {
        int checked = 0;
        int[] values = new int[10_000];
        try (InputStream in = getClass().getResourceAsStream("/golden/mt2203-digest-seed777-n10000.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                String[] f = line.split(" ");
                int sub = Integer.parseInt(f[0]);
                new Mt2203(777, sub).fillBits(values, 0, values.length);
                assertEquals(f[1], Integer.toUnsignedString(values[values.length - 1]), "last value of substream " + sub);
                assertEquals(f[2], String.format("%016x", hash(values)), "hash of substream " + sub);
                checked++;
            }
        }
        assertEquals(Mt2203.SUBSTREAMS, checked);
    }

    /** The mkl_rng_dump digest: h = h * 1000003 + v over the unsigned values, mod 2^64. */
    static long hash(int[] values) {
        long h = 0;
        for (int v : values) h = h * 1000003L + (v & 0xFFFF_FFFFL);
        return h;
    }

    static String hex(double d) {
        return String.format("%016x", Double.doubleToRawLongBits(d));
    }

    static String hex(float f) {
        return String.format("%08x", Float.floatToRawIntBits(f));
    }
}
