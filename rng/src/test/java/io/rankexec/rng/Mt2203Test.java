package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Block/scalar equivalence, state save/restore, task streams and argument checks of Mt2203. */
class Mt2203Test {

    /** Block sizes that straddle the 69-word state and the internal refill chunk in every way. */
    private static final int[] SIZES = {1, 68, 69, 70, 2047, 2048, 2049, 5000, 3, 4096, 0, 12345};

    @Test
    void blockFillsEqualScalarCalls() {
        Mt2203 blocks = new Mt2203(42, 17);
        Mt2203 scalar = new Mt2203(42, 17);
        for (int size : SIZES) {
            double[] d = new double[size + 3];
            blocks.fill(d, 3, size);
            for (int i = 0; i < size; i++) assertEquals(scalar.nextDouble(), d[3 + i], "double " + i + " of block " + size);
            int[] bits = new int[size];
            blocks.fillBits(bits, 0, size);
            for (int i = 0; i < size; i++) assertEquals(scalar.nextBits32(), bits[i], "bits " + i + " of block " + size);
            double[] r = new double[size];
            blocks.fill(r, 0, size, -1.5, 4.0);
            for (int i = 0; i < size; i++) assertEquals(-1.5 + 5.5 * scalar.nextDouble(), r[i], "range " + i);
            float[] f = new float[size];
            blocks.fill(f, 0, size);
            for (int i = 0; i < size; i++) assertEquals((float) scalar.nextDouble(), f[i], "float " + i);
        }
    }

    @Test
    void doubleIsUnsignedBitsTimesTwoToMinus32() {
        Mt2203 bits = new Mt2203(9, 3);
        Mt2203 doubles = new Mt2203(9, 3);
        for (int i = 0; i < 10_000; i++) {
            assertEquals((bits.nextBits32() & 0xFFFF_FFFFL) * 0x1.0p-32, doubles.nextDouble());
        }
    }

    @Test
    void taskStreamsUseTheirSubstreamAndSpec() {
        for (long task : new long[] {0, 1, 6023, 6024 + 5, (1L << 32) - 1}) {
            Mt2203 g = Mt2203.forTask(123, task);
            assertEquals((int) (task % 6024), g.substream());
            assertEquals(new StreamSpec(RngKind.MT2203, 123, task), g.spec());
        }
        int[] a = new int[500];
        int[] b = new int[500];
        Mt2203.forTask(123, 5).fillBits(a, 0, a.length);
        Mt2203.forTask(123, 6024 + 5).fillBits(b, 0, b.length);
        assertNotEquals(a[0], b[0], "tasks sharing a substream must not repeat each other");
    }

    /**
     * MKL's substreams seeded alike share their initial state, so their first outputs are
     * correlated across substreams; the task streams (keyed by task index) must not be. The mean of
     * each of the first outputs over 20,000 tasks must be within 5 standard errors of 1/2
     * (1/sqrt(12 * 20000) = 0.002); the plain substreams fail this by far (checked below), so the
     * test can tell the two schemes apart.
     */
    @Test
    void firstOutputsOfTaskStreamsAreUncorrelatedAcrossTasks() {
        int tasks = 20_000;
        double se = 1 / Math.sqrt(12.0 * tasks);
        double[] taskMeans = new double[4];
        double[] substreamMeans = new double[4];
        double[] u = new double[4];
        for (int t = 0; t < tasks; t++) {
            Mt2203.forTask(777, t).fill(u, 0, 4);
            for (int k = 0; k < 4; k++) taskMeans[k] += u[k] / tasks;
            new Mt2203(777, t % 6024).fill(u, 0, 4);
            for (int k = 0; k < 4; k++) substreamMeans[k] += u[k] / tasks;
        }
        double worstSubstream = 0;
        for (int k = 0; k < 4; k++) {
            assertEquals(0.5, taskMeans[k], 5 * se, "mean of output #" + k + " over task streams");
            worstSubstream = Math.max(worstSubstream, Math.abs(substreamMeans[k] - 0.5));
        }
        assertTrue(worstSubstream > 5 * se, "plain MKL substreams seeded alike are correlated: " + worstSubstream);
    }

    @Test
    void snapshotRestoreAndCopyRepeatTheSequence() throws Exception {
        Mt2203 g = new Mt2203(2024, 1000);
        double[] skip = new double[3001];
        g.fill(skip, 0, skip.length);
        Mt2203.State saved = g.snapshot();
        Mt2203 copy = g.copy();
        double[] first = new double[5000];
        g.fill(first, 0, first.length);

        double[] again = new double[5000];
        copy.fill(again, 0, again.length);
        assertArrayEquals(first, again, "copy");

        g.restore(saved);
        g.fill(again, 0, again.length);
        assertArrayEquals(first, again, "restore");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(saved);
        }
        Mt2203.State read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (Mt2203.State) in.readObject();
        }
        assertEquals(saved, read);
        Mt2203 revived = Mt2203.fromState(read);
        revived.fill(again, 0, again.length);
        assertArrayEquals(first, again, "fromState after serialization");
        assertNull(g.spec(), "a plain MKL substream is no task's stream");
        assertNull(revived.spec());
    }

    /** A task stream's spec recreates that very stream (not the plain substream of the same index). */
    @Test
    void taskStreamSpecRecreatesTheStream() {
        Mt2203 task = Mt2203.forTask(2024, 1000);
        int[] a = new int[300];
        int[] b = new int[300];
        task.fillBits(a, 0, a.length);
        task.spec().create().fillBits(b, 0, b.length);
        assertArrayEquals(a, b);
        new Mt2203(2024, 1000).fillBits(b, 0, b.length);
        assertNotEquals(a[0], b[0], "task 1000 is keyed by its index, not MKL's plain substream 1000");
        Mt2203 revived = Mt2203.fromState(Mt2203.forTask(2024, 1000).snapshot());
        revived.fillBits(b, 0, b.length);
        assertArrayEquals(a, b, "fromState of a task stream");
    }

    /**
     * Blocks start small and grow: one value at a time, uneven fills, and copies and snapshots
     * taken inside the first small blocks all follow the one-big-fill sequence.
     */
    @Test
    void growingBlocksKeepTheSequence() {
        int total = 12_000;
        int[] whole = new int[total];
        Mt2203.forTask(31, 6024 + 9).fillBits(whole, 0, total);

        Mt2203 single = Mt2203.forTask(31, 6024 + 9);
        for (int i = 0; i < total; i++) assertEquals(whole[i], single.nextBits32(), "value " + i);

        Mt2203 uneven = Mt2203.forTask(31, 6024 + 9);
        int[] got = new int[total];
        int at = 0;
        Mt2203 copy = null;
        Mt2203.State saved = null;
        int savedAt = 0;
        int[] steps = {1, 2, 5, 13, 40, 63, 64, 65, 121, 500, 1000, 2100, 3};
        for (int step = 0; at < total; step++) {
            int n = Math.min(steps[step % steps.length], total - at);
            uneven.fillBits(got, at, n);
            at += n;
            if (copy == null && at > 10) {
                copy = uneven.copy();
                saved = uneven.snapshot();
                savedAt = at;
            }
        }
        assertArrayEquals(whole, got);
        int[] rest = new int[total - savedAt];
        copy.fillBits(rest, 0, rest.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, savedAt, total), rest, "copy from position " + savedAt);
        uneven.restore(saved);
        uneven.fillBits(rest, 0, rest.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, savedAt, total), rest, "restored at " + savedAt);
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        assertMessage("substream", () -> new Mt2203(1, 6024));
        assertMessage("substream", () -> new Mt2203(1, -1));
        assertMessage("seed", () -> new Mt2203(-1, 0));
        assertMessage("seed", () -> new Mt2203(1L << 32, 0));
        assertMessage("task index", () -> Mt2203.forTask(1, -1));
        assertMessage("task index", () -> Mt2203.forTask(1, Mt2203.MAX_TASKS));
        Mt2203 g = new Mt2203(1, 0);
        assertMessage("range", () -> g.fill(new double[4], 0, 4, 2.0, 2.0));
        assertMessage("range", () -> g.fill(new float[4], 0, 4, 1f, Float.NaN));
        assertMessage("belongs to", () -> g.restore(new Mt2203(2, 0).snapshot()));
        assertThrows(IndexOutOfBoundsException.class, () -> g.fill(new double[4], 2, 3));
    }

    @Test
    void largestTaskIndexIsUsable() {
        Mt2203 last = Mt2203.forTask(0xFFFF_FFFFL, Mt2203.MAX_TASKS - 1);
        assertEquals((int) ((Mt2203.MAX_TASKS - 1) % Mt2203.SUBSTREAMS), last.substream());
        double d = last.nextDouble();
        assertTrue(d >= 0 && d < 1);
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }
}
