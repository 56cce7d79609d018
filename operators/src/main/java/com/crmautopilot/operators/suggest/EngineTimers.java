package com.crmautopilot.operators.suggest;

/**
 * The event-time timers of one (tenant, user) key and what the key last saw. At most three timers, each replaced
 * (the old one deleted) rather than stacked: the release of pushes held by quiet hours, the next digest, and the
 * sweep that prunes expired slots and outcomes and finally drops an idle key's state. Null means no timer. A
 * Flink POJO.
 */
public class EngineTimers {

    public Long releaseAt;
    public Long digestAt;
    public Long sweepAt;
    public long lastActivity = Long.MIN_VALUE;
    /** The local epoch day of the last digest sent: one digest per user and day (its id is of the day). */
    public long lastDigestDay = Long.MIN_VALUE;

    public EngineTimers() {
    }
}
