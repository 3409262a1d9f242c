package io.rankexec.core.kernels.support;

/**
 * Which worker ran a task, for labelling results only (the seed's birthday plot colours points by
 * the node that computed them); never used in a computation, so results stay independent of it.
 * Read from the running thread's name: local engine threads are {@code rankexec-local-N}
 * ("thread N"); an MPI engine whose worker threads end in {@code -rankR} gives "rank R".
 */
public final class WorkerLabel {

    private WorkerLabel() {
    }

    public static String current() {
        return fromThreadName(Thread.currentThread().getName());
    }

    static String fromThreadName(String name) {
        int rank = name.lastIndexOf("-rank");
        if (rank >= 0 && name.length() > rank + 5 && isDigits(name.substring(rank + 5))) return "rank " + name.substring(rank + 5);
        if (name.startsWith("rankexec-local-") && isDigits(name.substring("rankexec-local-".length())))
            return "thread " + name.substring("rankexec-local-".length());
        return name;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
