package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bit-exactness with Intel MKL's VSL_BRNG_MRG32K3A: golden vectors written by
 * rng/tools/mkl/mrg32k3a_golden.c (vslNewStream, vslNewStreamEx, vslSkipAheadStream(Ex),
 * viRngUniformBits, vdRngUniform, vsRngUniform).
 */
class Mrg32k3aMklGoldenTest {

    private static final String FILE = "/golden/mrg32k3a-mkl.txt";

    /** The generator MKL's case describes: seed, then skip by a count or by 2^skipLog2. */
    private static Mrg32k3a positioned(GoldenFile.Case c) {
        Mrg32k3a g = new Mrg32k3a(c.getLong("seed"));
        if (c.has("skip")) g.skip(Long.parseUnsignedLong(c.get("skip")));
        if (c.has("skipLog2")) {
            int log2 = Integer.parseInt(c.get("skipLog2"));
            if (log2 == 76) g.nextSubstream();
            else if (log2 == 127) g.nextStream();
            else throw new IllegalStateException("unexpected skipLog2 " + log2);
        }
        return g;
    }

    @Test
    void bitsMatchViRngUniformBits() {
        List<GoldenFile.Case> cases = GoldenFile.read(FILE, "bits");
        assertFalse(cases.isEmpty());
        for (GoldenFile.Case c : cases) {
            long[] expected = c.longs();
            Mrg32k3a scalar = positioned(c);
            Mrg32k3a block = positioned(c);
            int[] filled = new int[expected.length];
            block.fillBits(filled, 0, filled.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], Integer.toUnsignedLong(scalar.nextBits32()), c + " scalar #" + i);
                assertEquals(expected[i], Integer.toUnsignedLong(filled[i]), c + " block #" + i);
            }
        }
    }

    @Test
    void doublesMatchVdRngUniform() {
        List<GoldenFile.Case> cases = GoldenFile.read(FILE, "uniform");
        assertFalse(cases.isEmpty());
        for (GoldenFile.Case c : cases) {
            double a = c.getDouble("a"), b = c.getDouble("b");
            double[] expected = c.doubles();
            double[] filled = new double[expected.length];
            positioned(c).fill(filled, 0, filled.length, a, b);
            assertArrayEquals(expected, filled, 0.0, c + " block fill");
            if (a == 0 && b == 1) {
                Mrg32k3a scalar = positioned(c);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], scalar.nextDouble(), 0.0, c + " scalar #" + i);
                }
                double[] plain = new double[expected.length];
                positioned(c).fill(plain, 0, plain.length);
                assertArrayEquals(expected, plain, 0.0, c + " fill without range");
            }
        }
    }

    @Test
    void floatsMatchVsRngUniform() {
        List<GoldenFile.Case> cases = GoldenFile.read(FILE, "floats");
        assertFalse(cases.isEmpty());
        for (GoldenFile.Case c : cases) {
            double[] expected = c.doubles();
            float[] filled = new float[expected.length];
            positioned(c).fill(filled, 0, filled.length, (float) c.getDouble("a"), (float) c.getDouble("b"));
            for (int i = 0; i < expected.length; i++) {
                assertEquals((float) expected[i], filled[i], 0.0f, c + " #" + i);
            }
        }
    }

    /** Full-state starts (vslNewStreamEx with 6 words), including a first output with z == 0 (MKL gives 0.0). */
    @Test
    void fullStateStartsMatchVslNewStreamEx() {
        List<GoldenFile.Case> cases = GoldenFile.read(FILE, "state-uniform");
        assertEquals(2, cases.size());
        for (GoldenFile.Case c : cases) {
            String[] words = c.get("state").split(",");
            long[] state = new long[6];
            for (int i = 0; i < 6; i++) state[i] = Long.parseLong(words[i]);
            Mrg32k3a g = Mrg32k3a.fromState(state);
            double[] expected = c.doubles();
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], g.nextDouble(), 0.0, c + " #" + i);
        }
        assertEquals(0.0, cases.get(0).doubles()[0], 0.0, "the constructed z == 0 case must start with 0.0");
    }
}
