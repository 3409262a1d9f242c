# Reference for framework overhead: N tiny tasks (default 100,000) with foreach + doParallel
# on 2 cores, each task returning sqrt(i), results combined with c() in order.
# Measures the scheduling cost per task, which is what rankexec's "100,000 empty tasks in
# under 1 s" target is about.
#
# Backends timed (each in the same run):
#   fork   registerDoParallel(cores = 2): mclapply on Unix, tasks pre-split into 2 chunks
#   psock  makeCluster(2) + registerDoParallel(cl): one message per task (load balanced),
#          only when PSOCK_TASKS > 0 (default 10,000: 100,000 takes minutes), scaled per task
#   seq    %do% on one core (foreach's own per-iteration cost, no parallel backend)
#
# Usage: Rscript foreach-tiny.R [TASKS=100000] [PSOCK_TASKS=10000]
# Prints key=value lines read by bench/compare/foreach-tiny.sh.
ensure_packages <- function() {
  if (requireNamespace("foreach", quietly = TRUE) && requireNamespace("doParallel", quietly = TRUE)) return()
  # Debian packages, installed on first use (we run as root on the bench machine).
  status <- system2("apt-get", c("install", "-y", "--no-install-recommends",
                                 "r-cran-foreach", "r-cran-doparallel"))
  if (status != 0) stop("could not install r-cran-foreach r-cran-doparallel (need root and apt)")
}
invisible(ensure_packages())
suppressPackageStartupMessages({ library(foreach); library(doParallel) })

args <- commandArgs(trailingOnly = TRUE)
tasks <- if (length(args) >= 1) as.integer(args[1]) else 100000L
psock_tasks <- if (length(args) >= 2) as.integer(args[2]) else 10000L
if (is.na(tasks) || tasks < 1) stop("TASKS must be a positive integer")

check <- function(r, n) stopifnot(length(r) == n, isTRUE(all.equal(sum(r), sum(sqrt(seq_len(n))))))

registerDoParallel(cores = 2)
t_fork <- system.time(r <- foreach(i = seq_len(tasks), .combine = c) %dopar% sqrt(i))[["elapsed"]]
check(r, tasks)
cat(sprintf("tasks=%d\nfork_seconds=%.3f\nfork_us_per_task=%.2f\n", tasks, t_fork, t_fork * 1e6 / tasks))

t_seq <- system.time(r <- foreach(i = seq_len(tasks), .combine = c) %do% sqrt(i))[["elapsed"]]
check(r, tasks)
cat(sprintf("seq_seconds=%.3f\nseq_us_per_task=%.2f\n", t_seq, t_seq * 1e6 / tasks))

if (!is.na(psock_tasks) && psock_tasks > 0) {
  cl <- makeCluster(2)
  registerDoParallel(cl)
  t_psock <- system.time(r <- foreach(i = seq_len(psock_tasks), .combine = c) %dopar% sqrt(i))[["elapsed"]]
  stopCluster(cl)
  check(r, psock_tasks)
  cat(sprintf("psock_tasks=%d\npsock_seconds=%.3f\npsock_us_per_task=%.2f\n",
              psock_tasks, t_psock, t_psock * 1e6 / psock_tasks))
}
