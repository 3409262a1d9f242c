package io.rankexec.kernels.support;

/**
 * Which worker ran a task, for labelling results only (the seed's birthday plot colours points by
 * the node that computed them); never used in a computation, so results stay independent of it.
 * Read from the running thread's name: local engine threads are {@code rankexec-local-N}
 * ("thread N"); an MPI engine whose compute threads are named {@code ...-rankR-...} gives "rank R".
 */
public final class WorkerLabel {

    private static final java.util.regex.Pattern RANK = java.util.regex.Pattern.compile("-rank(\\d+)(?:-|$)");

    private WorkerLabel() {
    }

    public static String current() {
        return fromThreadName(Thread.currentThread().getName());
    }

    static String fromThreadName(String name) {
        java.util.regex.Matcher rank = RANK.matcher(name);
        if (rank.find()) return "rank " + rank.group(1);
        if (name.startsWith("rankexec-local-") && isDigits(name.substring("rankexec-local-".length())))
            return "thread " + name.substring("rankexec-local-".length());
        return name;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
