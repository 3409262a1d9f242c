package io.rankexec.it;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.core.job.UsageException;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test-only program for the integration tests, a user program like any other: started through
 * {@link Rankexec#main}, with a strict parser of its own arguments (an unknown one is exit 2), so
 * a launcher option that leaked into them would show. Each task returns {@code draws} uniform
 * doubles from its own stream; the job folds them IN_ORDER into a hash and a floating-point sum,
 * so any change of order, stream or lost task shows. Runs one job per (chunk size, scheduling)
 * pair in one launch (consecutive jobs on one engine).
 *
 * <pre>--tasks N --draws D --seed S --chunks 0,1,7 (0 = engine default) --sched static,dynamic
 * --fail 5,17 --unserializable 6,7 --stop-on-failure --shared-mb M --log FILE --sleep-ms X
 * --pause-ms P (before every job but the first) --print-args</pre> (an unserializable task returns a plain Object instead of its draws; the
 * checkpoint comes from rankexec's global --checkpoint/--resume)
 */
public final class DrawsApp {
    private DrawsApp() { }

    public static void main(String[] args) {
        Rankexec.main(args, DrawsApp::run);
    }

    static void run(Engine engine, String[] args) throws IOException, InterruptedException {
        int tasks = 100, draws = 3, sharedMb = 0, sleepMs = 0, pauseMs = 0;
        long seed = 12345;
        List<Integer> chunks = List.of(0);
        List<Scheduling> scheds = List.of(Scheduling.DYNAMIC);
        Set<Integer> fail = new HashSet<>(), unserializable = new HashSet<>();
        boolean stopOnFailure = false;
        Path log = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--tasks" -> tasks = Integer.parseInt(value(args, ++i));
                case "--draws" -> draws = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--chunks" -> chunks = ints(value(args, ++i));
                case "--sched" -> {
                    List<Scheduling> l = new ArrayList<>();
                    for (String s : value(args, ++i).split(",")) l.add(Scheduling.valueOf(s.toUpperCase()));
                    scheds = l;
                }
                case "--fail" -> fail.addAll(ints(value(args, ++i)));
                case "--unserializable" -> unserializable.addAll(ints(value(args, ++i)));
                case "--stop-on-failure" -> stopOnFailure = true;
                case "--shared-mb" -> sharedMb = Integer.parseInt(value(args, ++i));
                case "--log" -> log = Path.of(value(args, ++i));
                case "--sleep-ms" -> sleepMs = Integer.parseInt(value(args, ++i));
                case "--pause-ms" -> pauseMs = Integer.parseInt(value(args, ++i));
                case "--print-args" -> System.out.println("args " + String.join(" ", args));
                default -> throw new UsageException("drawsapp: unknown option " + a);
            }
        }
        if (log != null)
            Files.writeString(log.resolveSibling(log.getFileName() + ".pid"), ProcessHandle.current().pid() + "\n");
        double[] blob = sharedMb > 0 ? blob(sharedMb) : null;
        boolean complete = true;
        for (int chunk : chunks) {
            for (Scheduling sched : scheds) {
                if (pauseMs > 0 && (chunk != chunks.get(0) || sched != scheds.get(0))) {
                    System.out.println("pausing " + pauseMs + " ms before the next job");
                    System.out.flush();
                    Thread.sleep(pauseMs); // rank 0 thinking between jobs: the other ranks wait for a command
                }
                JobSpec<Void, Object> spec = spec(tasks, draws, seed, chunk, sched, fail, unserializable,
                        stopOnFailure, blob, log, sleepMs);
                JobResult<double[]> r = engine.run(spec, Combiner.inOrder(() -> new double[2], DrawsApp::fold));
                System.out.printf("job chunk=%d sched=%s hash=%016x sum=%016x status=%s succeeded=%d restored=%d failures=%d%n",
                        chunk, sched, Double.doubleToRawLongBits(r.value()[0]), Double.doubleToRawLongBits(r.value()[1]),
                        r.status(), r.tasksSucceeded(), r.tasksFromCheckpoint(), r.failures().size());
                for (TaskFailure f : r.failures()) System.out.println("failure " + f);
                if (!r.isComplete()) {
                    System.err.println("drawsapp: error: " + r.describeProblem());
                    complete = false;
                }
            }
        }
        if (!complete) Rankexec.exit(1);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new UsageException("drawsapp: " + args[i - 1] + " needs a value");
        return args[i];
    }

    /** acc[0]: an order-sensitive hash (as raw long bits); acc[1]: the plain sum of all draws. */
    public static double[] fold(double[] acc, Object taskResult) {
        double[] draws = (double[]) taskResult;
        long h = Double.doubleToRawLongBits(acc[0]);
        for (double d : draws) {
            h = h * 1_000_003L + Double.doubleToRawLongBits(d);
            acc[1] += d;
        }
        acc[0] = Double.longBitsToDouble(h);
        return acc;
    }

    static JobSpec<Void, Object> spec(int tasks, int draws, long seed, int chunk, Scheduling sched, Set<Integer> fail,
                                      Set<Integer> unserializable, boolean stopOnFailure, double[] blob, Path log,
                                      int sleepMs) {
        // The task travels to the other ranks: it captures only serializable values (a file name,
        // not a Path; whether there is a blob, not the blob itself, which is shared).
        String logFile = log == null ? null : log.toString();
        boolean withBlob = blob != null;
        JobSpec.Builder<Void, Object> b = JobSpec.<Object>timesToRun(tasks, ctx -> {
            int i = ctx.taskIndex();
            if (sleepMs > 0) Thread.sleep(sleepMs);
            if (logFile != null)
                Files.write(Path.of(logFile), (i + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fail.contains(i)) throw new IllegalStateException("boom at task " + i);
            if (unserializable.contains(i)) return new Object();
            BlockRandom rng = ctx.rng();
            double[] d = new double[draws];
            rng.fill(d, 0, draws);
            if (withBlob) {
                double[] shared = ctx.shared("blob", double[].class);
                d[0] += shared[blobIndex(i, shared.length)];
            }
            return d;
        }).rng(RngKind.MRG32K3A, seed).scheduling(sched).continueOnFailure(!stopOnFailure);
                ;
        if (chunk > 0) b.chunkSize(chunk);
        if (blob != null) b.share("blob", blob);
        return b.build();
    }

    /** The shared array, built on rank 0 only (the program runs nowhere else) and broadcast. */
    static double[] blob(int mb) {
        double[] a = new double[(int) ((long) mb * (1 << 20) / 8)];
        for (int i = 0; i < a.length; i++) a[i] = blobValue(i);
        return a;
    }

    public static double blobValue(int i) {
        return (i % 1000) * 0.25;
    }

    public static int blobIndex(int task, int length) {
        return (int) ((task * 7919L + length - 1) % length);
    }

    private static List<Integer> ints(String csv) {
        List<Integer> l = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) l.add(Integer.parseInt(s.trim()));
        return l;
    }
}
