package io.rankexec.kernels.birthday;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobSettings;
import io.rankexec.kernels.support.WorkerLabel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code rxExec(pbirthday, n=rxElemArg(2:100), taskChunkSize=20)}: one task per group
 * size (element argument), each estimating the shared-birthday probability from {@code tests}
 * simulated groups on its own stream.
 */
public final class BirthdayKernel {

    private BirthdayKernel() {
    }

    /** One group size's estimate and the worker that computed it (for the seed's coloured plot). */
    public record Point(int groupSize, int hits, int tests, String worker) implements Serializable {
        public double probability() {
            return hits / (double) tests;
        }

        public double exact() {
            return Birthday.exact(groupSize);
        }

        /** Binomial standard error at the exact probability. */
        public double standardError() {
            double p = exact();
            return Math.sqrt(p * (1 - p) / tests);
        }
    }

    public static JobSpec<Integer, Point> job(List<Integer> groupSizes, int tests, JobSettings settings) {
        if (groupSizes.isEmpty()) throw new IllegalArgumentException("no group sizes given");
        for (int n : groupSizes) {
            if (n < 1) throw new IllegalArgumentException("group size must be >= 1, got " + n);
            if (n > 100_000) throw new IllegalArgumentException("group size must be <= 100000, got " + n);
        }
        if (tests < 1) throw new IllegalArgumentException("tests must be >= 1, got " + tests);
        JobSpec.Builder<Integer, Point> b = JobSpec.overElements(groupSizes,
                (ctx, n) -> new Point(n, Birthday.countSharedBirthdays(ctx.rng(), n, tests), tests, WorkerLabel.current()));
        return settings.apply(b, "birthday sizes=" + groupSizes + " tests=" + tests);
    }

    /** Points in the order of {@code groupSizes}. */
    public static List<Point> run(Engine engine, List<Integer> groupSizes, int tests, JobSettings settings) {
        var res = engine.run(job(groupSizes, tests, settings));
        return new ArrayList<>(res.valueOrThrow());
    }
}
