package io.rankexec.core.kernels.support;

/**
 * Which worker ran a task, for labelling results only (the seed's birthday plot colours points by
 * the node that computed them); never used in a computation. Under MPI the engine sets the system
 * property {@code rankexec.rank}; local engine threads are named {@code rankexec-local-N}.
 */
public final class WorkerLabel {

    public static final String RANK_PROPERTY = "rankexec.rank";

    private WorkerLabel() {
    }

    public static String current() {
        String rank = System.getProperty(RANK_PROPERTY);
        if (rank != null) return "rank " + rank;
        String name = Thread.currentThread().getName();
        int dash = name.lastIndexOf('-');
        if (name.startsWith("rankexec-local-") && dash >= 0) return "thread " + name.substring(dash + 1);
        return name;
    }
}
