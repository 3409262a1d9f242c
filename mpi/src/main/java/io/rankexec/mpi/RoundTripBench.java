package io.rankexec.mpi;

import io.rankexec.core.spi.MpjLaunch;
import io.rankexec.core.spi.Chunk;
import io.rankexec.core.spi.ChunkResult;
import io.rankexec.core.spi.SerializedChunk;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import java.io.PrintStream;
import java.util.Locale;
import mpi.MPI;

/**
 * Measures the per-chunk cost of the MPI engine (run with bin/rankexec --ranks 2 [--device niodev],
 * {@code -cp mpi/target/rankexec-mpi-*.jar io.rankexec.mpi.RoundTripBench}; see bench/compare/mpi-roundtrip.sh):
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

    public static void main(String[] rawArgs) {
        if (!MpjLaunch.isMpjStart(rawArgs)) {
            System.err.println("roundtrip: run under MPI with at least 2 ranks (bin/rankexec --ranks 2 -cp ... " + RoundTripBench.class.getName() + ")");
            System.exit(2);
        }
        String[] args = MPI.Init(rawArgs);
        int exchanges = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        boolean tag = MPI.COMM_WORLD.Rank() == 0 && TaggedOutput.requested();
        PrintStream console = System.out;
        PrintStream out = tag ? TaggedOutput.tagged(console, TaggedOutput.OUT) : console;
        // Rank 0 only coordinates, no prefetch: every chunk crosses MPI, one request/reply per chunk.
        MpiSettings settings = MpiSettings.builder().rootComputes(false).prefetch(0).build();
        MpiEngine engine = new MpiEngine(MPI.COMM_WORLD, settings,
                MpiMain.fatalHandler(MPI.COMM_WORLD.Rank(), tag, console));
        int code = 0;
        if (engine.size() < 2) {
            out.println("roundtrip: run with at least 2 ranks");
            code = 2;
        } else {
            for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
                double raw = rawRoundTripMicros(engine, exchanges);
                if (engine.rank() != 0) {
                    engine.serve(); // until rank 0 closes after its job
                    engine = new MpiEngine(MPI.COMM_WORLD, settings, MpiMain.fatalHandler(MPI.COMM_WORLD.Rank(), false, console));
                    continue;
                }
                long t0 = System.nanoTime();
                JobSpec<Void, Integer> spec = JobSpec.<Integer>timesToRun(chunks, ctx -> 0)
                        .chunkSize(1).scheduling(Scheduling.DYNAMIC).build();
                engine.run(spec, Combiner.<Integer, Long>asArrived(() -> 0L, (a, r) -> a + r)).valueOrThrow();
                double perChunk = (System.nanoTime() - t0) / 1e3 / chunks;
                engine.close();
                if (round == 1)
                    out.println(String.format(Locale.ROOT,
                            "%s ranks=%d: raw request/reply round trip %.1f us (%d exchanges); engine %.1f us per"
                                    + " chunk of 1 empty task (%d chunks, all on rank 1)",
                            MpjLaunch.device(), engine.size(), raw, exchanges, perChunk, chunks));
                else engine = new MpiEngine(MPI.COMM_WORLD, settings, MpiMain.fatalHandler(0, tag, console));
            }
        }
        out.flush();
        MPI.Finalize();
        if (tag) TaggedOutput.exit(console, code);
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
