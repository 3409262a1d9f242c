package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The task-to-stream mapping: a task's generator depends only on (kind, seed, task index). */
class StreamSpecTest {

    private static double[] first(BlockRandom g, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = g.nextDouble();
        return out;
    }

    @Test
    void mt2203TasksDelegateToMt2203ForTask() {
        for (long task : new long[] {0, 1, 6023, 6024, 50_000}) {
            BlockRandom g = StreamSpec.forTask(RngKind.MT2203, 777, task).create();
            assertArrayEquals(first(Mt2203.forTask(777, task), 16), first(g, 16), 0.0, "task " + task);
            assertEquals(new StreamSpec(RngKind.MT2203, 777, task), g.spec());
        }
    }

    @Test
    void mrg32k3aTasksAreStreams() {
        for (long task : new long[] {0, 1, 2, 1000, 1L << 40}) {
            BlockRandom g = StreamSpec.forTask(RngKind.MRG32K3A, 777, task).create();
            assertArrayEquals(first(Mrg32k3a.forStream(777, task), 16), first(g, 16), 0.0, "task " + task);
            assertEquals(new StreamSpec(RngKind.MRG32K3A, 777, task), g.spec());
        }
        assertNotEquals(first(StreamSpec.forTask(RngKind.MRG32K3A, 777, 1).create(), 4)[0],
                first(StreamSpec.forTask(RngKind.MRG32K3A, 777, 2).create(), 4)[0]);
    }

    /** A spec sent to another JVM (serialized) recreates the identical stream there. */
    @Test
    void specsTravelAndRecreateTheSameStream() throws Exception {
        for (RngKind kind : RngKind.values()) {
            StreamSpec spec = StreamSpec.forTask(kind, 4242, 99);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(spec);
            }
            StreamSpec back;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                back = (StreamSpec) in.readObject();
            }
            assertEquals(spec, back);
            assertArrayEquals(first(spec.create(), 32), first(back.create(), 32), 0.0, kind.toString());
        }
    }
}
