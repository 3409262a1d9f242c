package io.rankexec.kernels.dice;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobSettings;

/**
 * The seed's {@code rxExec(playDice, timesToRun=10000, taskChunkSize=2000)}: games of craps spread
 * over tasks ({@code gamesPerTask} games each, on the task's own stream), wins summed. Integer
 * counts make the result independent of arrival order.
 */
public final class DiceKernel {

    private DiceKernel() {
    }

    /** Wins out of games, with the exact probability for comparison. */
    public record Result(long games, long wins) {
        public long losses() {
            return games - wins;
        }

        public double winRate() {
            return wins / (double) games;
        }

        /** Binomial standard error of {@link #winRate()}. */
        public double standardError() {
            double p = winRate();
            return Math.sqrt(p * (1 - p) / games);
        }
    }

    public static JobSpec<Void, Long> job(long games, int gamesPerTask, JobSettings settings) {
        if (games < 1) throw new IllegalArgumentException("games must be >= 1, got " + games);
        if (gamesPerTask < 1) throw new IllegalArgumentException("games-per-task must be >= 1, got " + gamesPerTask);
        long tasks = tasks(games, gamesPerTask);
        if (tasks > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("games / games-per-task = " + tasks + " tasks, more than 2^31; raise games-per-task");
        JobSpec.Builder<Void, Long> b = JobSpec.timesToRun((int) tasks, ctx -> {
            long first = (long) ctx.taskIndex() * gamesPerTask;
            return Craps.wins(ctx.rng(), Math.min(gamesPerTask, games - first));
        });
        return settings.apply(b, "dice games=" + games + " games-per-task=" + gamesPerTask);
    }

    /** Tasks of gamesPerTask games (the last may have fewer); without the overflow of games + gamesPerTask - 1. */
    public static long tasks(long games, int gamesPerTask) {
        return games / gamesPerTask + (games % gamesPerTask == 0 ? 0 : 1);
    }

    /** The combined result. */
    public static Result run(Engine engine, long games, int gamesPerTask, JobSettings settings) {
        var res = engine.run(job(games, gamesPerTask, settings), Combiner.<Long, Long>asArrived(() -> 0L, Long::sum));
        return new Result(games, res.valueOrThrow());
    }
}
