package io.rankexec.bench.mpi;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Rankexec;
import java.util.List;

/**
 * A job whose tasks read one large shared array (bench/compare/shared-memory.sh measures the peak
 * resident memory of the rank JVMs around it). Arguments: [megabytes] [tasks] (default 400, 64).
 */
public final class SharedMemoryBench {
    private SharedMemoryBench() { }

    public static void main(String[] args) {
        Rankexec.main(args, SharedMemoryBench::run);
    }

    static void run(Engine engine, String[] args) {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        double[] data = new double[(int) ((long) mb << 20) / 8];
        for (int i = 0; i < data.length; i++) data[i] = i % 1000;
        JobSpec<Void, Double> spec = JobSpec.timesToRun(tasks, ctx -> {
            double[] d = ctx.shared("data", double[].class);
            double s = 0;
            for (int i = ctx.taskIndex(); i < d.length; i += 4096) s += d[i];
            return s;
        }).share("data", data).chunkSize(1).build();
        List<Double> sums = engine.run(spec).valueOrThrow();
        double total = 0;
        for (double s : sums) total += s;
        System.out.println(engine.name() + ": " + mb + " MB shared, " + tasks + " tasks, checksum " + total);
    }
}
