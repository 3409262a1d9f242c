package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Skip-ahead, streams, block fills, state handling and argument checks of {@link Mrg32k3a}. */
class Mrg32k3aTest {

    /** The jump matrices published in L'Ecuyer's RngStreams.c (A1p76, A2p76, A1p127, A2p127). */
    @Test
    void jumpMatricesEqualLEcuyersPublishedConstants() {
        assertArrayEquals(new long[] {82758667L, 1871391091L, 4127413238L, 3672831523L, 69195019L, 1871391091L,
                3672091415L, 3528743235L, 69195019L}, Mrg32k3aJumps.power(1, 76));
        assertArrayEquals(new long[] {1511326704L, 3759209742L, 1610795712L, 4292754251L, 1511326704L, 3889917532L,
                3859662829L, 4292754251L, 3708466080L}, Mrg32k3aJumps.power(2, 76));
        assertArrayEquals(new long[] {2427906178L, 3580155704L, 949770784L, 226153695L, 1230515664L, 3580155704L,
                1988835001L, 986791581L, 1230515664L}, Mrg32k3aJumps.power(1, 127));
        assertArrayEquals(new long[] {1464411153L, 277697599L, 1610723613L, 32183930L, 1464411153L, 1022607788L,
                2824425944L, 32183930L, 2093834863L}, Mrg32k3aJumps.power(2, 127));
    }

    /** Stream jumps by byte tables equal the jumps by powers of two, for counts of every size. */
    @Test
    void streamJumpsByByteEqualJumpsByBit() {
        SplittableRandom r = new SplittableRandom(127);
        long[] counts = new long[300];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i < 260 ? i : i < 280 ? r.nextLong(1_000_000_000_000L) : r.nextLong(Long.MAX_VALUE);
        }
        counts[counts.length - 1] = Long.MAX_VALUE;
        counts[counts.length - 2] = 0xFFFF_FFFFL;
        for (long n : counts) {
            long[] start = Mrg32k3a.forStream(r.nextLong(1L << 32), 0).stateWords();
            long[] bytes = start.clone();
            long[] bits = start.clone();
            Mrg32k3aJumps.advanceStreams(bytes, n);
            Mrg32k3aJumps.advance(bits, n, Mrg32k3aJumps.STREAM_LOG2);
            assertArrayEquals(bits, bytes, "streams " + n);
        }
    }

    /** The jump arithmetic's a*b mod m, including products above 2^63, against BigInteger. */
    @Test
    void mulModEqualsBigIntegerArithmetic() {
        SplittableRandom r = new SplittableRandom(5);
        for (long m : new long[] {Mrg32k3a.M1, Mrg32k3a.M2}) {
            long[] edge = {0, 1, 2, m / 2, m - 2, m - 1};
            for (long a : edge) {
                for (long b : edge) assertEquals(bigMulMod(a, b, m), Mrg32k3aJumps.mulMod(a, b, m), a + " * " + b);
            }
            for (int i = 0; i < 100_000; i++) {
                long a = r.nextLong(m);
                long b = r.nextLong(m);
                assertEquals(bigMulMod(a, b, m), Mrg32k3aJumps.mulMod(a, b, m), a + " * " + b);
            }
        }
    }

    private static long bigMulMod(long a, long b, long m) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(BigInteger.valueOf(m)).longValueExact();
    }

    /** Every 16th term obeys the decimated recurrence the vector kernel uses (checked with BigInteger). */
    @Test
    void decimatedRecurrenceHoldsForEveryResidue() {
        Mrg32k3a g = new Mrg32k3a(4711);
        int n = 16 * 8;
        long[] xs = new long[n], ys = new long[n];
        for (int i = 0; i < n; i++) {
            g.nextBits32();
            xs[i] = g.stateWords()[2];
            ys[i] = g.stateWords()[5];
        }
        long[] cx = Mrg32k3aJumps.decimation(1, 4), cy = Mrg32k3aJumps.decimation(2, 4);
        for (int i = 0; i + 48 < n; i++) {
            assertEquals(xs[i + 48], combine(cx, xs[i + 32], xs[i + 16], xs[i], Mrg32k3a.M1), "x at " + (i + 48));
            assertEquals(ys[i + 48], combine(cy, ys[i + 32], ys[i + 16], ys[i], Mrg32k3a.M2), "y at " + (i + 48));
        }
    }

    private static long combine(long[] c, long s2, long s1, long s0, long m) {
        java.math.BigInteger sum = java.math.BigInteger.valueOf(c[0]).multiply(java.math.BigInteger.valueOf(s2))
                .add(java.math.BigInteger.valueOf(c[1]).multiply(java.math.BigInteger.valueOf(s1)))
                .add(java.math.BigInteger.valueOf(c[2]).multiply(java.math.BigInteger.valueOf(s0)));
        return sum.mod(java.math.BigInteger.valueOf(m)).longValueExact();
    }

    @Test
    void skipEqualsGeneratingAndDiscarding() {
        long[] counts = {0, 1, 2, 3, 4, 7, 64, 1000, 12345, 100_003};
        for (long n : counts) {
            Mrg32k3a stepped = new Mrg32k3a(987654321L);
            for (long i = 0; i < n; i++) stepped.nextBits32();
            Mrg32k3a skipped = new Mrg32k3a(987654321L);
            skipped.skip(n);
            assertArrayEquals(stepped.stateWords(), skipped.stateWords(), "skip " + n);
        }
    }

    @Test
    void skipsCompose() {
        Mrg32k3a a = new Mrg32k3a(5);
        a.skip((1L << 40) + 7);
        a.skip(Long.MAX_VALUE);
        Mrg32k3a b = new Mrg32k3a(5);
        b.skip(Long.MAX_VALUE);
        b.skip(1L << 40);
        b.skip(7);
        assertArrayEquals(a.stateWords(), b.stateWords());
    }

    /** 2^76 = 2^14 skips of 2^62: an independent route to the substream jump (2^127 is checked against MKL and R). */
    @Test
    void substreamJumpIsTwoToThe76Steps() {
        Mrg32k3a sub = new Mrg32k3a(42);
        sub.jump();
        Mrg32k3a viaSkips = new Mrg32k3a(42);
        for (int i = 0; i < 1 << 14; i++) viaSkips.skip(1L << 62);
        assertArrayEquals(sub.stateWords(), viaSkips.stateWords());
        assertEquals(Math.scalb(1.0, 76), sub.jumpDistance());
        assertEquals(Math.scalb(1.0, 127), sub.leapDistance());
    }

    @Test
    void leapIsNextStreamAndJumpIsNextSubstream() {
        Mrg32k3a a = new Mrg32k3a(9), b = new Mrg32k3a(9);
        a.leap();
        b.nextStream();
        assertArrayEquals(a.stateWords(), b.stateWords());
        a.jump();
        b.nextSubstream();
        assertArrayEquals(a.stateWords(), b.stateWords());
    }

    /** Stream i is reached in O(log i) by forStream and must equal i successive stream jumps. */
    @Test
    void forStreamEqualsRepeatedStreamJumps() {
        Mrg32k3a walker = new Mrg32k3a(2024);
        for (long i = 0; i <= 300; i++) {
            assertArrayEquals(walker.stateWords(), Mrg32k3a.forStream(2024, i).stateWords(), "stream " + i);
            walker.nextStream();
        }
        Mrg32k3a far = Mrg32k3a.forStream(2024, (1L << 40) + 3);
        Mrg32k3a composed = Mrg32k3a.forStream(2024, 1L << 40);
        for (int i = 0; i < 3; i++) composed.nextStream();
        assertArrayEquals(composed.stateWords(), far.stateWords());
    }

    @Test
    void streamSpecMapsTasksToStreams() {
        StreamSpec spec = StreamSpec.forTask(RngKind.MRG32K3A, 2024, 17);
        assertEquals(new StreamSpec(RngKind.MRG32K3A, 2024, 17), spec);
        BlockRandom g = spec.create();
        assertEquals(spec, g.spec());
        assertArrayEquals(Mrg32k3a.forStream(2024, 17).stateWords(), ((Mrg32k3a) g).stateWords());
        Mrg32k3a stream0 = (Mrg32k3a) StreamSpec.forTask(RngKind.MRG32K3A, 2024, 0).create();
        assertArrayEquals(new Mrg32k3a(2024).stateWords(), stream0.stateWords(), "task 0 is MKL's seeded stream");
    }

    @Test
    void blockFillsEqualScalarCalls() {
        int[] lengths = {0, 1, 2, 3, 5, 17, 1000, 1023, 1024, 1500, 4099, 10007};
        for (int len : lengths) {
            Mrg32k3a s = new Mrg32k3a(31337), d = new Mrg32k3a(31337), bits = new Mrg32k3a(31337), r = new Mrg32k3a(31337);
            double[] out = new double[len + 4];
            d.fill(out, 3, len);
            int[] bitOut = new int[len + 2];
            bits.fillBits(bitOut, 1, len);
            double[] rOut = new double[len];
            r.fillR(rOut, 0, len);
            Mrg32k3a sb = s.copy(), sr = s.copy();
            for (int i = 0; i < len; i++) {
                assertEquals(s.nextDouble(), out[3 + i], 0.0, "double #" + i);
                assertEquals(sb.nextBits32(), bitOut[1 + i], "bits #" + i);
                assertEquals(sr.nextRDouble(), rOut[i], 0.0, "R double #" + i);
            }
            assertEquals(0.0, out[0]);
            assertEquals(0.0, out[len + 3]);
            assertArrayEquals(s.stateWords(), d.stateWords(), "state after fill of " + len);
            assertArrayEquals(s.stateWords(), bits.stateWords());
        }
    }

    @Test
    void rangedFillStaysConsistentWithScalarRangedDraw() {
        Mrg32k3a f = new Mrg32k3a(8), s = new Mrg32k3a(8);
        double[] out = new double[500];
        f.fill(out, 0, out.length, -3.0, 11.0);
        for (double v : out) {
            double x = s.nextDouble(-3.0, 11.0);
            assertEquals(v < 11.0 ? v : Math.nextDown(11.0), x, 0.0);
            assertTrue(x >= -3.0 && x < 11.0);
        }
    }

    @Test
    void rDoubleNeverZeroAndMklDoubleIsZeroWhenZIsZero() {
        // state whose first z is 0 (derived in rng/tools/mkl/mrg32k3a_golden.c, checked against MKL there)
        long[] zeroFirst = {123456789L, 987654321L, 55555L, 0L, 777L, 79530658L};
        assertEquals(0, Mrg32k3a.fromState(zeroFirst).nextBits32());
        assertEquals(0.0, Mrg32k3a.fromState(zeroFirst).nextDouble());
        assertEquals(Mrg32k3a.M1 * 2.328306549295727688e-10, Mrg32k3a.fromState(zeroFirst).nextRDouble());
        assertTrue(Mrg32k3a.fromState(zeroFirst).nextRDouble() < 1.0);
    }

    @Test
    void snapshotRestoresThePositionAndSerializes() throws Exception {
        Mrg32k3a g = Mrg32k3a.forStream(77, 3);
        g.skip(12345);
        Mrg32k3a.State saved = g.snapshot();
        double[] first = new double[100];
        g.fill(first, 0, first.length);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(saved);
        }
        Mrg32k3a.State back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Mrg32k3a.State) in.readObject();
        }
        assertEquals(saved, back);
        assertEquals(new StreamSpec(RngKind.MRG32K3A, 77, 3), back.spec());

        Mrg32k3a fresh = Mrg32k3a.fromSnapshot(back);
        double[] again = new double[100];
        fresh.fill(again, 0, again.length);
        assertArrayEquals(first, again, 0.0);
        assertEquals(g.spec(), fresh.spec());

        g.restore(saved);
        assertEquals(first[0], g.nextDouble(), 0.0);
        long[] words = saved.words();
        words[0] = 1; // the snapshot is immutable
        assertNotEquals(1L, saved.words()[0]);
    }

    @Test
    void copyIsIndependent() {
        Mrg32k3a g = new Mrg32k3a(3);
        Mrg32k3a c = g.copy();
        double a = g.nextDouble();
        assertEquals(a, c.nextDouble(), 0.0);
        g.nextDouble();
        assertNotEquals(g.stateWords()[2], c.stateWords()[2]);
        RandomGenerator.LeapableGenerator asJdk = g;
        assertTrue(asJdk.copyAndLeap() instanceof Mrg32k3a);
    }

    @Test
    void rawStatesHaveNoSpec() {
        assertNull(Mrg32k3a.fromState(new long[] {1, 2, 3, 4, 5, 6}).spec());
        assertNull(Mrg32k3a.fromRSeed(1).spec());
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        assertMessage("seed", () -> new Mrg32k3a(-1));
        assertMessage("seed", () -> new Mrg32k3a(1L << 32));
        assertMessage("skip", () -> new Mrg32k3a(1).skip(-5));
        assertMessage("stream", () -> Mrg32k3a.forStream(1, -1));
        assertMessage("6 words", () -> Mrg32k3a.fromState(new long[] {1, 2, 3}));
        assertMessage("6 words", () -> Mrg32k3a.fromState(null));
        assertMessage("must be in [0, 4294967087)", () -> Mrg32k3a.fromState(new long[] {Mrg32k3a.M1, 1, 1, 1, 1, 1}));
        assertMessage("must be in [0, 4294944443)", () -> Mrg32k3a.fromState(new long[] {1, 1, 1, 1, Mrg32k3a.M2, 1}));
        assertMessage("all be zero", () -> Mrg32k3a.fromState(new long[] {0, 0, 0, 1, 1, 1}));
        assertMessage("all be zero", () -> Mrg32k3a.fromState(new long[] {1, 0, 0, 0, 0, 0}));
        assertMessage("kind code", () -> Mrg32k3a.fromRandomSeed(new int[] {10403, 1, 2, 3, 4, 5, 6}));
        assertMessage("7 (or 6 state)", () -> Mrg32k3a.fromRandomSeed(new int[] {1, 2}));
        assertMessage("a < b", () -> new Mrg32k3a(1).fill(new double[4], 0, 4, 2.0, 1.0));
        assertMessage("a < b", () -> new Mrg32k3a(1).fill(new double[4], 0, 4, 0.0, Double.POSITIVE_INFINITY));
        assertMessage("a < b", () -> new Mrg32k3a(1).fill(new double[4], 0, 4, Double.NaN, 1.0));
        assertMessage("a <= b", () -> new Mrg32k3a(1).fillR(new double[4], 0, 4, 2.0, 1.0));
        assertMessage("kind", () -> new StreamSpec(null, 1, 0));
        assertMessage("seed", () -> new StreamSpec(RngKind.MRG32K3A, -1, 0));
        assertMessage("stream index", () -> new StreamSpec(RngKind.MRG32K3A, 1, -1));
        assertMessage("task index", () -> StreamSpec.forTask(RngKind.MRG32K3A, 1, -2));
        assertThrows(IndexOutOfBoundsException.class, () -> new Mrg32k3a(1).fill(new double[4], 2, 3));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }
}
