package io.rankexec.core.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Folds task results into one value on the coordinating side (foreach's {@code .combine},
 * {@code .init}, {@code .inorder}). {@link #accumulate} is never called concurrently for one job,
 * so the accumulator may be a mutable object that is updated and returned. Failed tasks are not
 * accumulated (they are reported in {@link JobResult#failures()}).
 *
 * <p>Because results are folded one at a time, foreach's {@code .multicombine} has no separate
 * form here: a fold over many results is just many accumulate calls.
 *
 * @param <R> task result type
 * @param <C> combined value type
 */
public interface Combiner<R, C> {

    enum Order {
        /**
         * Results are accumulated strictly in task-index order (out-of-order chunks are buffered).
         * The fold is then one fixed sequence of operations, so the value is bit-identical whatever
         * the engine, number of workers, chunk size or scheduling, even for floating-point sums.
         */
        IN_ORDER,
        /**
         * Results are accumulated as chunks arrive (no buffering). Arrival order depends on timing,
         * so the value is reproducible only for order-insensitive reducers (integer counts, min/max,
         * writing each result to its own slot by task index); floating-point sums may differ in the
         * last bits between runs.
         */
        AS_ARRIVED
    }

    /** A fresh initial value, e.g. 0, an empty list, or an all-zero array. */
    C initial();

    /** Returns the accumulator after folding in the result of task {@code taskIndex}. */
    C accumulate(C acc, R result, int taskIndex);

    Order order();

    /** Three-argument fold step that also sees the task index. */
    @FunctionalInterface
    interface IndexedAccumulator<C, R> {
        C apply(C acc, R result, int taskIndex);
    }

    static <R, C> Combiner<R, C> of(Order order, Supplier<? extends C> initial, IndexedAccumulator<C, ? super R> step) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(step, "step");
        return new Combiner<>() {
            @Override public C initial() { return initial.get(); }
            @Override public C accumulate(C acc, R result, int taskIndex) { return step.apply(acc, result, taskIndex); }
            @Override public Order order() { return order; }
        };
    }

    /** Folds in task order: {@code acc = step(acc, result)} for task 0, 1, 2, ... */
    static <R, C> Combiner<R, C> inOrder(Supplier<? extends C> initial, BiFunction<C, ? super R, C> step) {
        Objects.requireNonNull(step, "step");
        return of(Order.IN_ORDER, initial, (acc, r, i) -> step.apply(acc, r));
    }

    /** Folds in arrival order; only for order-insensitive steps (see {@link Order#AS_ARRIVED}). */
    static <R, C> Combiner<R, C> asArrived(Supplier<? extends C> initial, BiFunction<C, ? super R, C> step) {
        Objects.requireNonNull(step, "step");
        return of(Order.AS_ARRIVED, initial, (acc, r, i) -> step.apply(acc, r));
    }

    /**
     * The list of results in task order, null where a task failed. Each result goes to its own
     * slot, so arrival order does not matter and nothing is buffered.
     */
    static <R> Combiner<R, List<R>> toList(int taskCount) {
        if (taskCount < 0) throw new IllegalArgumentException("taskCount must be >= 0, got " + taskCount);
        return of(Order.AS_ARRIVED, () -> new ArrayList<>(Collections.nCopies(taskCount, null)),
                (List<R> acc, R r, int i) -> { acc.set(i, r); return acc; });
    }
}
