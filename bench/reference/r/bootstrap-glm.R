# Reference for the bootstrap seed case (doRedis vignette, Listing 3), run as a plain
# sequential loop on one core:
#   x <- iris[which(iris[, 5] != "setosa"), c(1, 5)]
#   ind <- sample(100, 100, replace = TRUE)
#   estimate <- glm(x[ind, 2] ~ x[ind, 1], family = binomial(logit)); coefficients(estimate)
#
# One deliberate change: droplevels(). With the vignette's code the response keeps the
# unused "setosa" level, and glm() then treats both remaining species as "success" (every
# y = 1), so the fit diverges. Dropping the level gives the intended model:
# P(Species == "virginica" | Sepal.Length), which is what rankexec's bootstrap kernel fits.
#
# Usage: Rscript bootstrap-glm.R [REPLICATES=10000] [SEED=1]
# Prints: key=value lines (seconds, full-sample coefficients, 95% percentile and normal CIs).
args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 10000L
seed <- if (length(args) >= 2) as.integer(args[2]) else 1L
if (is.na(replicates) || replicates < 2) stop("REPLICATES must be an integer >= 2")

x <- droplevels(iris[which(iris[, 5] != "setosa"), c(1, 5)])
n <- nrow(x)
full <- coefficients(glm(x[, 2] ~ x[, 1], family = binomial(logit)))

set.seed(seed)
coefs <- matrix(NA_real_, nrow = replicates, ncol = 2)
elapsed <- system.time(
  for (r in seq_len(replicates)) {
    ind <- sample(n, n, replace = TRUE)
    estimate <- glm(x[ind, 2] ~ x[ind, 1], family = binomial(logit))
    coefs[r, ] <- coefficients(estimate)
  }
)[["elapsed"]]

cat(sprintf("replicates=%d\nseconds=%.3f\nus_per_replicate=%.1f\n",
            replicates, elapsed, elapsed * 1e6 / replicates))
names <- c("intercept", "slope")
for (j in 1:2) {
  b <- coefs[, j]
  pct <- quantile(b, c(0.025, 0.975), names = FALSE)
  se <- sd(b)
  # Normal CI as boot::boot.ci(type = "norm"): bias-corrected estimate +- z * se.
  centre <- 2 * full[[j]] - mean(b)
  cat(sprintf("%s_full_sample=%.6f\n", names[j], full[[j]]))
  cat(sprintf("%s_percentile_ci=[%.4f, %.4f]\n", names[j], pct[1], pct[2]))
  cat(sprintf("%s_normal_ci=[%.4f, %.4f]\n", names[j],
              centre - qnorm(0.975) * se, centre + qnorm(0.975) * se))
}
