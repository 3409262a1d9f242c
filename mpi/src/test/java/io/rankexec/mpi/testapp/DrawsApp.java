package io.rankexec.mpi.testapp;

import io.rankexec.core.cli.EngineOptions;
import io.rankexec.core.cli.EngineProvider;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.mpi.Main;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test-only program for the MPI integration tests: each task returns {@code draws} uniform doubles
 * from its own stream; the job folds them IN_ORDER into a hash and a floating-point sum, so any
 * change of order, stream or lost task shows. Runs one job per (chunk size, scheduling) pair in
 * one launch (consecutive jobs on one engine).
 *
 * <pre>--tasks N --draws D --seed S --chunks 0,1,7 (0 = engine default) --sched static,dynamic
 * --fail 5,17 --unserializable 6,7 --stop-on-failure --shared-mb M --checkpoint DIR --resume --log FILE
 * --sleep-ms X</pre> (an unserializable task returns a plain Object instead of its draws)
 */
public final class DrawsApp {
    private DrawsApp() { }

    public static void main(String[] args) {
        Main.launch(args, DrawsApp::run);
    }

    static int run(String[] args, EngineProvider engines, PrintStream out, PrintStream err) {
        int tasks = 100, draws = 3, sharedMb = 0, sleepMs = 0;
        long seed = 12345;
        List<Integer> chunks = List.of(0);
        List<Scheduling> scheds = List.of(Scheduling.DYNAMIC);
        Set<Integer> fail = new HashSet<>(), unserializable = new HashSet<>();
        boolean stopOnFailure = false, resume = false;
        Path checkpoint = null, log = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--ranks" -> i++; // read by bin/rankexec
                case "--tasks" -> tasks = Integer.parseInt(args[++i]);
                case "--draws" -> draws = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--chunks" -> chunks = ints(args[++i]);
                case "--sched" -> {
                    List<Scheduling> l = new ArrayList<>();
                    for (String s : args[++i].split(",")) l.add(Scheduling.valueOf(s.toUpperCase()));
                    scheds = l;
                }
                case "--fail" -> fail.addAll(ints(args[++i]));
                case "--unserializable" -> unserializable.addAll(ints(args[++i]));
                case "--stop-on-failure" -> stopOnFailure = true;
                case "--shared-mb" -> sharedMb = Integer.parseInt(args[++i]);
                case "--checkpoint" -> checkpoint = Path.of(args[++i]);
                case "--resume" -> resume = true;
                case "--log" -> log = Path.of(args[++i]);
                case "--sleep-ms" -> sleepMs = Integer.parseInt(args[++i]);
                default -> {
                    err.println("drawsapp: error: unknown option " + a);
                    return 2;
                }
            }
        }
        int exit = 0;
        try (Engine engine = engines.create(new EngineOptions(0, 0, true))) {
            boolean coordinator = engine.isCoordinator();
            if (log != null && coordinator)
                Files.writeString(log.resolveSibling(log.getFileName() + ".pid"), ProcessHandle.current().pid() + "\n");
            double[] blob = sharedMb > 0 ? blob(sharedMb, coordinator) : null;
            for (int chunk : chunks) {
                for (Scheduling sched : scheds) {
                    JobSpec<Void, Object> spec = spec(tasks, draws, seed, chunk, sched, fail, unserializable,
                            stopOnFailure, blob, checkpoint, resume, log, sleepMs);
                    JobResult<double[]> r = engine.run(spec, Combiner.inOrder(() -> new double[2], DrawsApp::fold));
                    if (!coordinator) continue;
                    out.printf("job chunk=%d sched=%s hash=%016x sum=%016x status=%s succeeded=%d restored=%d failures=%d%n",
                            chunk, sched, Double.doubleToRawLongBits(r.value()[0]), Double.doubleToRawLongBits(r.value()[1]),
                            r.status(), r.tasksSucceeded(), r.tasksFromCheckpoint(), r.failures().size());
                    for (TaskFailure f : r.failures()) out.println("failure " + f);
                    if (!r.isComplete()) {
                        err.println("drawsapp: error: " + r.describeProblem());
                        exit = 1;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("drawsapp: error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("drawsapp: error: " + e);
            return 1;
        }
        return exit;
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
                                      Set<Integer> unserializable, boolean stopOnFailure, double[] blob, Path checkpoint, boolean resume, Path log,
                                        int sleepMs) {
        JobSpec.Builder<Void, Object> b = JobSpec.<Object>timesToRun(tasks, ctx -> {
            int i = ctx.taskIndex();
            if (sleepMs > 0) Thread.sleep(sleepMs);
            if (log != null)
                Files.write(log, (i + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fail.contains(i)) throw new IllegalStateException("boom at task " + i);
            if (unserializable.contains(i)) return new Object();
            BlockRandom rng = ctx.rng();
            double[] d = new double[draws];
            rng.fill(d, 0, draws);
            if (blob != null) {
                double[] shared = ctx.shared("blob", double[].class);
                d[0] += shared[blobIndex(i, shared.length)];
            }
            return d;
        }).rng(RngKind.MRG32K3A, seed).scheduling(sched).continueOnFailure(!stopOnFailure)
                .identity("draws tasks=" + tasks + " draws=" + draws + " seed=" + seed + " fail=" + fail
                        + (unserializable.isEmpty() ? "" : " unserializable=" + unserializable));
        if (chunk > 0) b.chunkSize(chunk);
        if (blob != null) b.share("blob", blob);
        if (checkpoint != null) b.checkpoint(checkpoint, resume);
        return b.build();
    }

    /**
     * The shared array: rank 0's true values; other ranks build wrong ones on purpose, so a
     * result that matches the reference proves rank 0's copy was broadcast and used.
     */
    static double[] blob(int mb, boolean coordinator) {
        double[] a = new double[(int) ((long) mb * (1 << 20) / 8)];
        for (int i = 0; i < a.length; i++) a[i] = coordinator ? blobValue(i) : -1.0;
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
