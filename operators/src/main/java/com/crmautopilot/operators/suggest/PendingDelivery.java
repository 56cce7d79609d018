package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Suggestion;

/**
 * A suggestion not yet delivered: pushes held by quiet hours until {@code dueAt}, or (with {@code digest}) waiting
 * for the user's next digest at {@code dueAt}. A Flink POJO.
 */
public class PendingDelivery {

    public Suggestion suggestion;
    public long dueAt;
    public boolean digest;

    public PendingDelivery() {
    }

    PendingDelivery(Suggestion suggestion, long dueAt, boolean digest) {
        this.suggestion = suggestion;
        this.dueAt = dueAt;
        this.digest = digest;
    }
}
