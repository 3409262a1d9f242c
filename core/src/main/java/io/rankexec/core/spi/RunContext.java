package io.rankexec.core.spi;

import io.rankexec.core.job.TaskContext;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The {@link TaskContext} implementation. Without a timeout one instance is reused for all tasks
 * of a chunk ({@link #moveTo}); the generator is created only if the task asks for it.
 */
final class RunContext implements TaskContext {
    private final RngKind kind;
    private final long seed;
    private final int taskCount;
    private final Map<String, ?> shared;
    private final BooleanSupplier stopRequested;
    private int taskIndex;
    private BlockRandom rng;

    RunContext(RngKind kind, long seed, int taskCount, Map<String, ?> shared, BooleanSupplier stopRequested) {
        this.kind = kind;
        this.seed = seed;
        this.taskCount = taskCount;
        this.shared = shared;
        this.stopRequested = stopRequested;
    }

    RunContext moveTo(int taskIndex) {
        this.taskIndex = taskIndex;
        this.rng = null;
        return this;
    }

    @Override public int taskIndex() { return taskIndex; }

    @Override public int taskCount() { return taskCount; }

    @Override
    public BlockRandom rng() {
        BlockRandom r = rng;
        if (r == null) rng = r = TaskStreams.create(kind, seed, taskIndex);
        return r;
    }

    @Override
    public StreamSpec streamSpec() {
        return TaskStreams.specFor(kind, seed, taskIndex);
    }

    @Override
    public <T> T shared(String name, Class<T> type) {
        Object value = shared.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no shared object named '" + name + "' (available: "
                    + (shared.isEmpty() ? "none" : String.join(", ", shared.keySet())) + ")");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("shared object '" + name + "' is a " + value.getClass().getTypeName()
                    + ", not a " + type.getTypeName());
        }
        return type.cast(value);
    }

    @Override
    public boolean isCancelled() {
        return stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
