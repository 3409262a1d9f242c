# Reference for the k-means seed case (rxExec "Naive Parallel k-Means Clustering"):
#   x <- matrix(rnorm(250000), nrow = 5000, ncol = 50)
#   system.time(kmeans(x, centers = 10, iter.max = 35, nstart = 400))
# run on one core with R's default algorithm (Hartigan-Wong).
#
# Usage: Rscript kmeans-seed.R [NSTART=400] [SEED=1] [DATA_CSV]
#   DATA_CSV: if given, the generated matrix is written there (no header, 5000 rows x 50
#   columns, 17 significant digits) so rankexec clusters exactly the same points.
# Prints: key=value lines (seconds, best_tot_withinss, ...), read by bench/compare/kmeans.sh.
args <- commandArgs(trailingOnly = TRUE)
nstart <- if (length(args) >= 1) as.integer(args[1]) else 400L
seed <- if (length(args) >= 2) as.integer(args[2]) else 1L
csv <- if (length(args) >= 3) args[3] else NA
if (is.na(nstart) || nstart < 1) stop("NSTART must be a positive integer")

set.seed(seed)
x <- matrix(rnorm(250000), nrow = 5000, ncol = 50)
if (!is.na(csv)) {
  # %.17g round-trips every double exactly; no padding, no header.
  writeLines(apply(x, 1, function(row) paste(sprintf("%.17g", row), collapse = ",")), csv)
}

# Hartigan-Wong may warn about Quick-TRANSfer steps on some starts; that is R's normal
# behaviour on this data and does not change the timing, so keep the output readable.
elapsed <- system.time(
  fit <- suppressWarnings(kmeans(x, centers = 10, iter.max = 35, nstart = nstart))
)[["elapsed"]]

cat(sprintf("r_version=%s\n", paste(R.version$major, R.version$minor, sep = ".")))
cat(sprintf("algorithm=Hartigan-Wong\nnstart=%d\nseconds=%.3f\n", nstart, elapsed))
cat(sprintf("best_tot_withinss=%.6f\n", fit$tot.withinss))
cat(sprintf("iterations_of_best=%d\n", fit$iter))
