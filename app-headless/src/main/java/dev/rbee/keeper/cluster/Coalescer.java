package dev.rbee.keeper.cluster;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values to a consumer on an executor, skipping those overtaken before it ran: at most one task is ever
 * queued, and it delivers the newest value. A burst of updates (100 workers changing state 10 times a second) thus
 * costs the UI thread one run per frame it can spare, never a backlog, and the last value always arrives.
 */
public final class Coalescer<T> {
    private final Executor executor;
    private final Consumer<T> consumer;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<T> delivered = new AtomicReference<>();

    public Coalescer(Executor executor, Consumer<T> consumer) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Never blocks; the value reaches the consumer unless a newer one is offered before the task runs. */
    public void offer(T value) {
        latest.set(Objects.requireNonNull(value, "value"));
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::deliver);
        }
    }

    /**
     * Clears the flag before reading, so an offer that lands while the consumer runs schedules a new task instead of
     * being lost; a value already delivered by that race is not delivered twice.
     */
    private void deliver() {
        scheduled.set(false);
        T value = latest.get();
        T before = delivered.getAndSet(value);
        if (value != before) {
            consumer.accept(value);
        }
    }
}
