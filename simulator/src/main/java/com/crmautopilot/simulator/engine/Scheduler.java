package com.crmautopilot.simulator.engine;

import java.util.PriorityQueue;

/**
 * The clock of the discrete-event simulation: work waits here until its event time. Ties run in the order they
 * were scheduled, so the order is total and the run deterministic. Work may only be scheduled at or after the
 * current time, which is what keeps the emitted stream in event-time order.
 */
final class Scheduler {

    /** Something scheduled: an action to run, or an event to emit. */
    sealed interface Work permits Action, Draft {
    }

    /** Code that runs at its time and may schedule more work. */
    @FunctionalInterface
    non-sealed interface Action extends Work {
        void run(long now);
    }

    private record Task(long time, long sequence, Work work) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(1 << 12);
    private long sequence;
    private long now = Long.MIN_VALUE;
    private Task current;

    void at(long time, Action action) {
        schedule(time, action);
    }

    void emit(long time, Draft draft) {
        schedule(time, draft);
    }

    private void schedule(long time, Work work) {
        if (time < now) {
            throw new IllegalStateException("cannot schedule at " + time + ", before now " + now);
        }
        queue.add(new Task(time, sequence++, work));
    }

    /** Takes the next work item and moves the clock to its time; false when nothing is left. */
    boolean advance() {
        current = queue.poll();
        if (current == null) {
            return false;
        }
        now = current.time();
        return true;
    }

    long now() {
        return now;
    }

    Work currentWork() {
        return current.work();
    }

    int pending() {
        return queue.size();
    }

    void clear() {
        queue.clear();
    }
}
