package io.rankexec.kernels.glm;

/** The GLM families the kernels need, each with its canonical link. */
public enum Family {
    /** binomial(logit): y in [0, 1]. */
    BINOMIAL_LOGIT {
        @Override double linkInverse(double eta) {
            // R's plogis with its clamping of extreme eta
            double e = Math.exp(-Math.max(Math.min(eta, 30.0), -30.0));
            return 1.0 / (1.0 + e);
        }
        @Override double muEta(double eta) {
            double opexp = 1.0 + Math.exp(Math.abs(eta));
            return Math.abs(eta) > 30.0 ? DBL_EPSILON : Math.exp(Math.abs(eta)) / (opexp * opexp);
        }
        @Override double variance(double mu) {
            return mu * (1.0 - mu);
        }
        @Override double startMu(double y, double w) {
            return (w * y + 0.5) / (w + 1.0);
        }
        @Override double link(double mu) {
            return Math.log(mu / (1.0 - mu));
        }
        @Override double unitDeviance(double y, double mu) {
            return 2.0 * (ylogy(y, mu) + ylogy(1.0 - y, 1.0 - mu));
        }
        @Override void checkResponse(double y) {
            if (!(y >= 0.0 && y <= 1.0)) throw new IllegalArgumentException("binomial response must be in [0, 1], got " + y);
        }
    },
    /** poisson(log): y a non-negative count. */
    POISSON_LOG {
        @Override double linkInverse(double eta) {
            return Math.max(Math.exp(eta), DBL_EPSILON);
        }
        @Override double muEta(double eta) {
            return Math.max(Math.exp(eta), DBL_EPSILON);
        }
        @Override double variance(double mu) {
            return mu;
        }
        @Override double muEta(double eta, double mu) {
            return mu; // d exp(eta) / d eta = exp(eta) = mu (both clamped at DBL_EPSILON): saves an exp
        }
        @Override double startMu(double y, double w) {
            return y + 0.1;
        }
        @Override double link(double mu) {
            return Math.log(mu);
        }
        @Override double unitDeviance(double y, double mu) {
            return 2.0 * (ylogy(y, mu) - (y - mu));
        }
        @Override void checkResponse(double y) {
            if (!(y >= 0.0) || Double.isInfinite(y)) throw new IllegalArgumentException("poisson response must be a non-negative count, got " + y);
        }
    };

    static final double DBL_EPSILON = Math.ulp(1.0);

    abstract double linkInverse(double eta);

    abstract double muEta(double eta);

    /** d mu / d eta given both eta and mu = linkInverse(eta); families override it when mu makes it cheaper. */
    double muEta(double eta, double mu) {
        return muEta(eta);
    }

    abstract double variance(double mu);

    abstract double startMu(double y, double w);

    abstract double link(double mu);

    abstract double unitDeviance(double y, double mu);

    abstract void checkResponse(double y);

    private static double ylogy(double y, double mu) {
        return y > 0 ? y * Math.log(y / mu) : 0.0;
    }
}
