package io.rankexec.rng.dist;

/**
 * Logarithms of Poisson and binomial probabilities computed without catastrophic cancellation
 * (Loader's saddle-point forms, as in R's dpois_raw / dbinom_raw): the rejection steps of the
 * large-parameter samplers compare against them, and the naive k log(mu) - mu - log k! loses all
 * precision once mu is large.
 */
final class LogPmf {

    private static final double LN_SQRT_2PI = 0.918938533204672741780329736406;
    private static final double LN_2PI = 1.837877066409345483560659472811;
    /** log(k!) for k = 0..20, each k! exact in a double. */
    private static final double[] LOG_FACTORIAL = new double[21];

    static {
        double f = 1;
        for (int k = 0; k <= 20; k++) {
            if (k > 0) f *= k;
            LOG_FACTORIAL[k] = Math.log(f);
        }
    }

    private LogPmf() {
    }

    /** log(k!) for k >= 0 (Stirling series beyond 20). */
    static double logFactorial(double k) {
        if (k <= 20) return LOG_FACTORIAL[(int) k];
        return (k + 0.5) * Math.log(k) - k + LN_SQRT_2PI + stirlingError(k);
    }

    /** log(k!) - ((k + 1/2) log k - k + log sqrt(2 pi)), the error of Stirling's formula, k >= 1 integer. */
    static double stirlingError(double k) {
        if (k <= 15) return logFactorial(k) - (k + 0.5) * Math.log(k) + k - LN_SQRT_2PI;
        double kk = k * k;
        final double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        if (k > 500) return (s0 - s1 / kk) / k;
        if (k > 80) return (s0 - (s1 - s2 / kk) / kk) / k;
        if (k > 35) return (s0 - (s1 - (s2 - s3 / kk) / kk) / kk) / k;
        return (s0 - (s1 - (s2 - (s3 - s4 / kk) / kk) / kk) / kk) / k;
    }

    /** x log(x / m) + m - x, accurate when x is close to m (series in v = (x - m) / (x + m)). */
    static double deviance(double x, double m) {
        if (Math.abs(x - m) < 0.1 * (x + m)) {
            double v = (x - m) / (x + m);
            double s = (x - m) * v;
            double ej = 2 * x * v;
            v *= v;
            for (int j = 1; j < 1000; j++) {
                ej *= v;
                double s1 = s + ej / (2 * j + 1);
                if (s1 == s) return s1;
                s = s1;
            }
            return s;
        }
        return x * Math.log(x / m) + m - x;
    }

    /** log P(X = k) for X ~ Poisson(mu), k >= 0, mu > 0. */
    static double poisson(double k, double mu) {
        if (k == 0) return -mu;
        return -stirlingError(k) - deviance(k, mu) - 0.5 * (LN_2PI + Math.log(k));
    }

    /** log P(X = k) for X ~ Binomial(n, p), 0 <= k <= n, 0 < p < 1. */
    static double binomial(double k, double n, double p) {
        double q = 1 - p;
        if (k == 0) return n * Math.log1p(-p);
        if (k == n) return n * Math.log(p);
        double lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k)
                - deviance(k, n * p) - deviance(n - k, n * q);
        return lc + 0.5 * Math.log(n / (2 * Math.PI * k * (n - k)));
    }
}
