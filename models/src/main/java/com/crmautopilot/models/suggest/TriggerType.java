package com.crmautopilot.models.suggest;

import java.util.Locale;
import java.util.Optional;

/**
 * The situations the trigger library detects. The wire name (lower snake case) is what topics, templates,
 * {@code conf/triggers.yaml}, feedback and the simulator's rep tastes use.
 */
public enum TriggerType {
    STALE_ACCOUNT(EntityKind.ACCOUNT),
    INACTIVE_LEAD(EntityKind.LEAD),
    HOT_LEAD(EntityKind.LEAD),
    DEAL_AT_RISK(EntityKind.OPPORTUNITY),
    MISSING_DATA(EntityKind.ACCOUNT),
    DEAL_STALLED(EntityKind.OPPORTUNITY),
    CLOSE_DATE_PASSED(EntityKind.OPPORTUNITY),
    SINGLE_THREADED(EntityKind.OPPORTUNITY),
    NO_CHAMPION_LATE_STAGE(EntityKind.OPPORTUNITY),
    COMPETITOR_DETECTED(EntityKind.OPPORTUNITY),
    DEMO_REQUEST_UNANSWERED(EntityKind.LEAD),
    REPLY_UNANSWERED(EntityKind.LEAD),
    SCORE_JUMP(EntityKind.LEAD),
    LEAD_WENT_COLD(EntityKind.LEAD);

    private final EntityKind entityKind;
    private final String wireName;

    TriggerType(EntityKind entityKind) {
        this.entityKind = entityKind;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public EntityKind entityKind() {
        return entityKind;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TriggerType> fromWire(String wireName) {
        for (TriggerType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
