package io.rankexec.core.spi;

import io.rankexec.core.job.Combiner;
import java.util.HashMap;
import java.util.Map;

/**
 * Feeds completed chunks to a job's combiner: AS_ARRIVED at once, IN_ORDER buffered until every
 * earlier chunk is in, so the fold runs in task order whatever order chunks arrive in. Not
 * thread-safe: its {@link ResultCollector} calls it under its lock.
 */
final class ChunkFold<R, C> {

    private final Combiner<? super R, C> combiner;
    private final Map<Integer, ChunkResult> buffered = new HashMap<>();
    private C acc;
    private int nextInOrder;   // next chunk index the IN_ORDER fold waits for
    private int tasksFolded;
    private String problem;    // the combiner's failure, or null

    ChunkFold(Combiner<? super R, C> combiner) {
        this.combiner = combiner;
        this.acc = combiner.initial();
    }

    /**
     * Adds one complete chunk; false once the combiner failed (see {@link #problem()}). A stopped
     * job's IN_ORDER fold keeps what precedes the first gap (its partial value).
     */
    boolean add(ChunkResult r, boolean stopped) {
        if (problem != null) return false;
        if (combiner.order() == Combiner.Order.AS_ARRIVED) return fold(r);
        buffered.put(r.chunkIndex(), r);
        ChunkResult next;
        while (!stopped && (next = buffered.remove(nextInOrder)) != null) {
            if (!fold(next)) return false;
            nextInOrder++;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean fold(ChunkResult r) {
        boolean clean = !r.hasFailures();
        for (int k = 0; k < r.count(); k++) {
            if (!clean && !r.succeeded(k)) continue; // failed tasks are not combined
            int task = r.firstTask() + k;
            try {
                acc = combiner.accumulate(acc, (R) r.result(k), task);
            } catch (RuntimeException | Error e) {
                problem = "the combiner failed on the result of task " + task + ": " + e;
                return false;
            }
            tasksFolded++;
        }
        return true;
    }

    C value() { return acc; }

    int tasksFolded() { return tasksFolded; }

    String problem() { return problem; }
}
