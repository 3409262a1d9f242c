package io.rankexec.mpi;

import java.time.Duration;

/**
 * How the MPI engine runs, decided on rank 0 (the other ranks receive what concerns them with
 * each job). Built with {@link #builder()}; only the entry point reads system properties
 * ({@link #fromSystemProperties}).
 *
 * @param timeout        a rank silent this long is declared dead (heartbeats every timeout/10)
 * @param rootComputes   rank 0 computes chunks too (off: it only coordinates)
 * @param threadsPerRank threads computing chunks in each rank
 * @param prefetch       chunks each rank holds beyond one per thread, so a thread never waits
 *                       for rank 0's reply to get its next chunk
 * @param shareArrays    under the multicore device, large arrays of shared objects are held once
 *                       for all ranks ({@link SharedArrays}); off: every rank gets its own copy
 */
public record MpiSettings(Duration timeout, boolean rootComputes, int threadsPerRank, int prefetch, boolean shareArrays) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public MpiSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("MPI timeout must be positive, got " + timeout);
        if (threadsPerRank < 1) throw new IllegalArgumentException("threads per rank must be >= 1, got " + threadsPerRank);
        if (prefetch < 0) throw new IllegalArgumentException("prefetch must be >= 0, got " + prefetch);
    }

    /** Chunk requests each rank keeps open: one per thread plus the prefetch. */
    int requestsPerRank() {
        return threadsPerRank + prefetch;
    }

    /** How often a busy worker proves it is alive: timeout / 10, within [0.1 s, 2 s]. */
    Duration beatInterval() {
        return Duration.ofMillis(Math.max(100, Math.min(2000, timeout.toMillis() / 10)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code -Drankexec.mpi.timeout=SECONDS} (bin/rankexec sets it from RANKEXEC_MPI_TIMEOUT),
     * {@code -Drankexec.mpi.rootComputes=false}, {@code -Drankexec.mpi.prefetch=N},
     * {@code -Drankexec.mpi.shareArrays=false} (for measuring what sharing saves), and
     * {@code threads} from the global {@code --threads} (0 = 1 per rank).
     */
    public static MpiSettings fromSystemProperties(int threads) {
        Builder b = builder().threadsPerRank(Math.max(1, threads));
        String t = System.getProperty("rankexec.mpi.timeout");
        if (t != null && !t.isBlank()) {
            double seconds;
            try {
                seconds = Double.parseDouble(t.trim());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (!(seconds > 0))
                throw new IllegalArgumentException("RANKEXEC_MPI_TIMEOUT (rankexec.mpi.timeout) must be a positive number of seconds, got '" + t + "'");
            b.timeout(Duration.ofMillis((long) (seconds * 1000)));
        }
        if ("false".equals(System.getProperty("rankexec.mpi.rootComputes"))) b.rootComputes(false);
        if ("false".equals(System.getProperty("rankexec.mpi.shareArrays"))) b.shareArrays(false);
        String p = System.getProperty("rankexec.mpi.prefetch");
        if (p != null) b.prefetch(Integer.parseInt(p.trim()));
        return b.build();
    }

    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean rootComputes = true;
        private int threadsPerRank = 1;
        private int prefetch = 1;
        private boolean shareArrays = true;

        public Builder timeout(Duration t) { timeout = t; return this; }

        public Builder rootComputes(boolean on) { rootComputes = on; return this; }

        public Builder threadsPerRank(int n) { threadsPerRank = n; return this; }

        public Builder prefetch(int n) { prefetch = n; return this; }

        public Builder shareArrays(boolean on) { shareArrays = on; return this; }

        public MpiSettings build() {
            return new MpiSettings(timeout, rootComputes, threadsPerRank, prefetch, shareArrays);
        }
    }
}
