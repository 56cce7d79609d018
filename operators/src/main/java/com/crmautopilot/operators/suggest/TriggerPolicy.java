package com.crmautopilot.operators.suggest;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the suggestion engine needs of one trigger's configuration.
 *
 * @param basePriority the trigger's weight in the priority formula, in (0, 1]
 * @param cooldown     the same user, entity and trigger produce at most one suggestion per this period
 * @param snooze       how long a dismissed (or snoozed, without its own end) suggestion stays quiet
 */
public record TriggerPolicy(double basePriority, Duration cooldown, Duration snooze) implements Serializable {

    public TriggerPolicy {
        if (!(basePriority > 0 && basePriority <= 1)) {
            throw new IllegalArgumentException("base_priority must be in (0, 1], got " + basePriority);
        }
        if (cooldown == null || cooldown.isNegative() || snooze == null || snooze.isNegative()) {
            throw new IllegalArgumentException("cooldown and snooze must be zero or positive");
        }
    }
}
