package io.rankexec.mpi;

import io.rankexec.core.cli.EngineOptions;
import io.rankexec.core.cli.EngineProvider;
import io.rankexec.core.engine.Chunk;
import io.rankexec.core.engine.ChunkResult;
import io.rankexec.core.engine.SerializedChunk;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import java.io.PrintStream;
import java.util.Locale;
import mpi.MPI;

/**
 * Measures the per-chunk cost of the MPI engine (run with bin/rankexec --ranks 2 [--device niodev],
 * RANKEXEC_MAIN=io.rankexec.mpi.RoundTripBench; see mpi/bench/roundtrip.sh):
 * <ol>
 *   <li>raw: the engine's exchange alone, rank 1 sending an empty chunk's serialized result and
 *       rank 0 answering with the next assignment (Recv, deserialize, Send), timed on rank 1;</li>
 *   <li>engine: a job of empty tasks, one per chunk, through the whole engine (serialization,
 *       collector, scheduling), with rank 0 only coordinating so every chunk crosses MPI.</li>
 * </ol>
 * Arguments: [exchanges] [engineChunks] (defaults 20000 and 20000).
 */
public final class RoundTripBench {
    private RoundTripBench() { }

    public static void main(String[] args) {
        Main.launch(args, RoundTripBench::run);
    }

    static int run(String[] args, EngineProvider engines, PrintStream out, PrintStream err) {
        java.util.List<String> nums = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--ranks")) i += args[i].contains("=") ? 0 : 1; // read by bin/rankexec
            else nums.add(args[i]);
        }
        int exchanges = nums.size() > 0 ? Integer.parseInt(nums.get(0)) : 20000;
        int chunks = nums.size() > 1 ? Integer.parseInt(nums.get(1)) : 20000;
        try (Engine engine = engines.create(new EngineOptions(0, 0, true))) {
            if (!(engine instanceof MpiEngine mpi) || mpi.size() < 2) {
                err.println("roundtrip: run under MPI with at least 2 ranks (bin/rankexec --ranks 2 ...)");
                return 2;
            }
            for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
                double raw = rawRoundTripMicros(mpi, exchanges);
                if (mpi.rank() == 0) System.setProperty("rankexec.mpi.rootComputes", "false"); // all chunks remote
                long t0 = System.nanoTime();
                JobSpec<Void, Integer> spec = JobSpec.<Integer>timesToRun(chunks, ctx -> 0)
                        .chunkSize(1).scheduling(Scheduling.DYNAMIC).build();
                engine.run(spec, Combiner.<Integer, Long>asArrived(() -> 0L, (a, r) -> a + r)).valueOrThrow();
                double perChunk = (System.nanoTime() - t0) / 1e3 / chunks;
                if (round == 1)
                    out.println(String.format(Locale.ROOT,
                            "%s ranks=%d: raw request/reply round trip %.1f us (%d exchanges); engine %.1f us per"
                                    + " chunk of 1 empty task (%d chunks, all on rank 1)",
                            MpjLaunch.device(), mpi.size(), raw, exchanges, perChunk, chunks));
            }
        }
        return 0;
    }

    /** Rank 1 <-> rank 0 exchanges shaped like the engine's (empty result up, 4 ints down). */
    private static double rawRoundTripMicros(MpiEngine engine, int n) {
        byte[] up;
        try {
            up = Messages.result(SerializedChunk.of(
                    new ChunkResult(new Chunk(0, 0, 1), 1, new Object[] {0}, new TaskFailure[0], 0), Messages.RESULT_HEADROOM));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int[] down = new int[4];
        MPI.COMM_WORLD.Barrier();
        long t0 = System.nanoTime();
        if (engine.rank() == 1) {
            for (int i = 0; i < n; i++) {
                Messages.sendUp(MPI.COMM_WORLD, up);
                MPI.COMM_WORLD.Recv(down, 0, 4, MPI.INT, 0, Messages.TAG_DOWN);
            }
        } else if (engine.rank() == 0) {
            byte[] inbox = new byte[Messages.INLINE_MAX];
            for (int i = 0; i < n; i++) {
                Messages.Incoming in = Messages.receiveUp(MPI.COMM_WORLD, inbox);
                MPI.COMM_WORLD.Send(down, 0, 4, MPI.INT, in.source(), Messages.TAG_DOWN);
            }
        }
        double micros = (System.nanoTime() - t0) / 1e3 / n;
        double[] m = {micros};
        MPI.COMM_WORLD.Bcast(m, 0, 1, MPI.DOUBLE, 1); // rank 1 timed the full round trips
        return m[0];
    }
}
