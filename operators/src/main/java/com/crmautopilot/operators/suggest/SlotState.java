package com.crmautopilot.operators.suggest;

/**
 * One (trigger, entity) slot of a user: the last suggestion told about it, and until when the slot stays quiet
 * (cooldown from that suggestion, snooze from the user's answer). Event-time milliseconds. A Flink POJO.
 */
public class SlotState {

    public String suggestionId;
    public long emittedAt;
    public long cooldownUntil;
    public long snoozedUntil;

    public SlotState() {
    }

    SlotState(String suggestionId, long emittedAt, long cooldownUntil, long snoozedUntil) {
        this.suggestionId = suggestionId;
        this.emittedAt = emittedAt;
        this.cooldownUntil = cooldownUntil;
        this.snoozedUntil = snoozedUntil;
    }

    long quietUntil() {
        return Math.max(cooldownUntil, snoozedUntil);
    }
}
