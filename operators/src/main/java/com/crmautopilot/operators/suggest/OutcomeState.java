package com.crmautopilot.operators.suggest;

/**
 * A suggestion's link to its slot and the contribution its latest answer made to the learner (so a later answer
 * replaces it, and a replayed answer changes nothing). A Flink POJO.
 *
 * {@code triggerType} is the {@link com.crmautopilot.models.suggest.TriggerType} ordinal, or -1 when unknown.
 */
public class OutcomeState {

    public String slotKey;
    public int triggerType;
    public double success;
    public double failure;
    public long expiresAt;

    public OutcomeState() {
    }

    OutcomeState(String slotKey, int triggerType, double success, double failure, long expiresAt) {
        this.slotKey = slotKey;
        this.triggerType = triggerType;
        this.success = success;
        this.failure = failure;
        this.expiresAt = expiresAt;
    }
}
