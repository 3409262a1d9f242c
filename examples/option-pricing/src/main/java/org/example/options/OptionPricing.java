package org.example.options;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Rankexec;
import io.rankexec.core.job.UsageException;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.dist.Distributions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prices a European call under geometric Brownian motion by Monte Carlo, as a rankexec job:
 * {@code --tasks} tasks of {@code --paths} paths, each task on its own random stream; then a
 * second job over {@code --strikes} strikes that all read one shared array of standard normal
 * draws (about 50 MB, sent once per process, not per task). Prints the price with its standard
 * error next to the Black-Scholes value.
 *
 * <pre>
 * java -cp "target/option-pricing-1.0.jar:target/lib/*" org.example.options.OptionPricing --tasks 400
 * bin/rankexec --ranks 2 --seed 7 --class-path "target/option-pricing-1.0.jar:target/lib/*" org.example.options.OptionPricing
 * </pre>
 */
public final class OptionPricing {
    private OptionPricing() { }

    /** Spot, strike, rate, volatility, maturity: the contract and the market. */
    record Market(double s0, double strike, double rate, double sigma, double maturity) implements java.io.Serializable {
        /** Discounted payoff of one path whose terminal log-return uses the standard normal {@code z}. */
        double discountedPayoff(double z, double strike) {
            double drift = (rate - 0.5 * sigma * sigma) * maturity;
            double st = s0 * Math.exp(drift + sigma * Math.sqrt(maturity) * z);
            return Math.exp(-rate * maturity) * Math.max(st - strike, 0.0);
        }
    }

    /** Sum and sum of squares of a task's discounted payoffs (combined exactly in task order). */
    record Moments(long n, double sum, double sumSquares) implements java.io.Serializable {
        Moments plus(Moments o) {
            return new Moments(n + o.n, sum + o.sum, sumSquares + o.sumSquares);
        }

        double mean() { return sum / n; }

        double standardError() {
            double mean = mean();
            return Math.sqrt((sumSquares / n - mean * mean) / (n - 1));
        }
    }

    public static void main(String[] args) {
        Rankexec.main(args, OptionPricing::run);
    }

    static void run(Engine engine, String[] args) {
        int tasks = 400, paths = 250_000, strikes = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> tasks = positive(args, ++i);
                case "--paths" -> paths = positive(args, ++i);
                case "--strikes" -> strikes = positive(args, ++i);
                default -> throw new UsageException("unknown option '" + args[i] + "' (options: --tasks N --paths N --strikes N)");
            }
        }
        Market market = new Market(100, 105, 0.05, 0.2, 1.0);

        // Job 1: tasks x paths, each task on its own stream; moments folded in task order.
        int pathsPerTask = paths;
        Moments m = engine.reduce(tasks, ctx -> simulate(ctx.rng(), market, pathsPerTask),
                new Moments(0, 0, 0), Moments::plus);
        System.out.println(String.format(Locale.ROOT, "price %.6f  standard error %.6f  black-scholes %.6f  (%d paths)",
                m.mean(), m.standardError(), blackScholesCall(market, market.strike()), m.n()));

        // Job 2: one task per strike, all pricing on the same shared normal draws (common random numbers).
        double[] normals = new double[6_500_000]; // 52 MB, shared once per process
        Distributions.gaussian(io.rankexec.rng.Mrg32k3a.forStream(engine.settings().seed(), 1L << 40), normals, 0, normals.length, 0, 1);
        List<Double> grid = new ArrayList<>();
        for (int i = 0; i < strikes; i++) grid.add(80.0 + 40.0 * i / Math.max(1, strikes - 1));
        JobSpec<Double, Double> perStrike = JobSpec.overElements(grid, (ctx, k) -> {
            double[] z = ctx.shared("normals", double[].class);
            double sum = 0;
            for (double x : z) sum += market.discountedPayoff(x, k);
            return sum / z.length;
        }).share("normals", normals).build();
        List<Double> prices = engine.run(perStrike).valueOrThrow();
        for (int i = 0; i < grid.size(); i++)
            System.out.println(String.format(Locale.ROOT, "strike %.2f  price %.6f  black-scholes %.6f",
                    grid.get(i), prices.get(i), blackScholesCall(market, grid.get(i))));
    }

    /** One task: {@code n} paths from the task's own stream. */
    static Moments simulate(BlockRandom rng, Market market, int n) {
        double[] z = new double[Math.min(n, 4096)];
        double sum = 0, sumSquares = 0;
        for (int done = 0; done < n; done += z.length) {
            int len = Math.min(z.length, n - done);
            Distributions.gaussian(rng, z, 0, len, 0, 1);
            for (int i = 0; i < len; i++) {
                double p = market.discountedPayoff(z[i], market.strike());
                sum += p;
                sumSquares += p * p;
            }
        }
        return new Moments(n, sum, sumSquares);
    }

    /** The closed form the simulation converges to. */
    static double blackScholesCall(Market m, double strike) {
        double sd = m.sigma() * Math.sqrt(m.maturity());
        double d1 = (Math.log(m.s0() / strike) + (m.rate() + 0.5 * m.sigma() * m.sigma()) * m.maturity()) / sd;
        double d2 = d1 - sd;
        return m.s0() * normalCdf(d1) - strike * Math.exp(-m.rate() * m.maturity()) * normalCdf(d2);
    }

    /** Standard normal CDF. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        // Numerical Recipes' erfcc (Chebyshev fit, relative error < 1.2e-7), enough to compare with Monte Carlo.
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    private static int positive(String[] args, int i) {
        if (i >= args.length) throw new UsageException(args[i - 1] + " needs a value");
        try {
            int n = Integer.parseInt(args[i]);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new UsageException(args[i - 1] + " needs a whole number >= 1, got '" + args[i] + "'");
    }
}
