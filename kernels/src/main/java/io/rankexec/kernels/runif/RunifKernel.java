package io.rankexec.kernels.runif;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobSettings;
import io.rankexec.rng.BlockRandom;
import java.io.Serializable;
import java.util.List;

/**
 * The rxExec example {@code rxExec(runif, 500, timesToRun=5, RNGkind="MT2203", RNGseed=14)}: task i
 * draws n uniforms on [0,1) from its own stream (under MT2203, MKL's substream i; MKL's
 * vdRngUniform values). Each task returns a compact summary instead of the vector: its first
 * values, the mean and a checksum of all n values, so runs can be compared line by line.
 */
public final class RunifKernel {

    /** Values generated per block: bounds memory whatever n is. */
    private static final int BLOCK = 4096;

    private RunifKernel() {
    }

    /**
     * One task's vector, summarised.
     *
     * @param task     task index (R's list element task + 1)
     * @param first    the first min(show, n) values
     * @param mean     mean of the n values
     * @param checksum FNV-1a over the raw IEEE-754 bits of the n values, in order
     */
    public record TaskSummary(int task, double[] first, double mean, long checksum) implements Serializable {
    }

    public static JobSpec<Void, TaskSummary> job(long n, int times, int show, JobSettings settings) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (times < 1) throw new IllegalArgumentException("times must be >= 1, got " + times);
        if (show < 0) throw new IllegalArgumentException("show must be >= 0, got " + show);
        JobSpec.Builder<Void, TaskSummary> b = JobSpec.timesToRun(times, ctx -> summarize(ctx.taskIndex(), ctx.rng(), n, show));
        return settings.apply(b, "runif n=" + n + " times=" + times);
    }

    /** Task results in task order. */
    public static List<TaskSummary> run(Engine engine, long n, int times, int show, JobSettings settings) {
        var res = engine.run(job(n, times, show, settings));
        return res.valueOrThrow();
    }

    /** Draws n uniforms from {@code rng} block by block (as one fill of n would) and summarises them. */
    public static TaskSummary summarize(int task, BlockRandom rng, long n, int show) {
        double[] first = new double[(int) Math.min(show, n)];
        double[] block = new double[(int) Math.min(BLOCK, n)];
        long hash = FNV_OFFSET;
        double sum = 0;
        for (long done = 0; done < n; ) {
            int len = (int) Math.min(block.length, n - done);
            rng.fill(block, 0, len);
            for (int i = 0; i < len; i++) {
                if (done + i < first.length) first[(int) (done + i)] = block[i];
                sum += block[i];
                hash = fnv(hash, Double.doubleToRawLongBits(block[i]));
            }
            done += len;
        }
        return new TaskSummary(task, first, sum / n, hash);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the 8 bytes of {@code bits}, least significant first. */
    static long fnv(long hash, long bits) {
        for (int k = 0; k < 8; k++) {
            hash ^= (bits >>> (8 * k)) & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** The checksum {@link #summarize} computes, for a vector held in memory. */
    public static long checksum(double[] values) {
        long hash = FNV_OFFSET;
        for (double v : values) hash = fnv(hash, Double.doubleToRawLongBits(v));
        return hash;
    }
}
