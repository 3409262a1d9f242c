package io.rankexec.kernels.pi;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobSettings;

/**
 * The doRedis vignette's Monte Carlo pi: {@code samples} points split over {@code tasks} tasks
 * (the first samples % tasks tasks take one extra), inside-counts summed exactly.
 */
public final class PiKernel {

    private PiKernel() {
    }

    public record Result(long samples, long inside) {
        public double estimate() {
            return MonteCarloPi.estimate(inside, samples);
        }

        public double standardError() {
            return MonteCarloPi.standardError(inside, samples);
        }
    }

    public static JobSpec<Void, Long> job(long samples, int tasks, JobSettings settings) {
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        if (tasks < 1) throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        if (tasks > samples) throw new IllegalArgumentException("tasks (" + tasks + ") exceeds samples (" + samples + ")");
        long base = samples / tasks;
        long extra = samples % tasks;
        JobSpec.Builder<Void, Long> b = JobSpec.timesToRun(tasks,
                ctx -> MonteCarloPi.countInside(ctx.rng(), base + (ctx.taskIndex() < extra ? 1 : 0)));
        return settings.apply(b, "pi samples=" + samples + " tasks=" + tasks);
    }

    /** The combined result. */
    public static Result run(Engine engine, long samples, int tasks, JobSettings settings) {
        var res = engine.run(job(samples, tasks, settings), Combiner.<Long, Long>asArrived(() -> 0L, Long::sum));
        return new Result(samples, res.valueOrThrow());
    }
}
