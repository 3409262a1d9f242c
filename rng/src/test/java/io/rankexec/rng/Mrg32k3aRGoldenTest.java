package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compatibility with R's "L'Ecuyer-CMRG": golden vectors written by rng/tools/r/mrg32k3a-golden.R
 * (set.seed(s, kind = "L'Ecuyer-CMRG"), parallel::nextRNGStream / nextRNGSubStream, runif).
 */
class Mrg32k3aRGoldenTest {

    private static final String FILE = "/golden/mrg32k3a-r.txt";

    /** Java's way to the case's position: R's seeding, then the same stream and substream jumps. */
    private static Mrg32k3a positioned(GoldenFile.Case c) {
        Mrg32k3a g = Mrg32k3a.fromRSeed(Integer.parseInt(c.get("seed")));
        for (long i = c.getLong("streams"); i > 0; i--) g.nextStream();
        for (long i = c.getLong("substreams"); i > 0; i--) g.nextSubstream();
        return g;
    }

    @Test
    void seedingAndJumpsReproduceDotRandomSeed() {
        List<GoldenFile.Case> cases = GoldenFile.read(FILE, "state");
        assertEquals(23, cases.size());
        for (GoldenFile.Case c : cases) {
            int[] expected = Arrays.stream(c.longs()).mapToInt(v -> (int) v).toArray();
            assertEquals(10407, expected[0] % 100000, "R kind code");
            assertArrayEquals(Arrays.copyOfRange(expected, 1, 7), positioned(c).toRandomSeedWords(), c.toString());
            // and R's state read back is the same generator
            assertArrayEquals(Arrays.copyOfRange(expected, 1, 7),
                    Mrg32k3a.fromRandomSeed(expected).toRandomSeedWords(), c + " via fromRandomSeed");
        }
    }

    @Test
    void runifMatchesBitForBit() {
        List<GoldenFile.Case> cases = GoldenFile.read(FILE, "runif");
        assertEquals(23, cases.size());
        for (GoldenFile.Case c : cases) {
            double a = c.getDouble("a"), b = c.getDouble("b");
            double[] expected = c.doubles();
            Mrg32k3a scalar = positioned(c);
            Mrg32k3a block = positioned(c);
            long skip = c.getLong("skip");
            double[] discard = new double[(int) skip];
            block.fillR(discard, 0, discard.length);
            for (long i = 0; i < skip; i++) scalar.nextRDouble();
            double[] filled = new double[expected.length];
            block.fillR(filled, 0, filled.length, a, b);
            assertArrayEquals(expected, filled, 0.0, c + " fillR");
            for (int i = 0; i < expected.length; i++) {
                double u = scalar.nextRDouble();
                assertEquals(expected[i], a == 0 && b == 1 ? u : a + (b - a) * u, 0.0, c + " scalar #" + i);
            }
        }
    }

    /** MRG32K3A task streams are R's streams when started from R's state: stream k = k nextRNGStream calls. */
    @Test
    void streamJumpsCompose() {
        Mrg32k3a oneByOne = Mrg32k3a.fromRSeed(7);
        for (int i = 0; i < 1000; i++) oneByOne.nextStream();
        GoldenFile.Case r = GoldenFile.read(FILE, "state").stream()
                .filter(c -> c.get("seed").equals("7") && c.get("streams").equals("1000")).findFirst().orElseThrow();
        int[] expected = Arrays.stream(r.longs()).mapToInt(v -> (int) v).toArray();
        assertArrayEquals(Arrays.copyOfRange(expected, 1, 7), oneByOne.toRandomSeedWords());
    }
}
