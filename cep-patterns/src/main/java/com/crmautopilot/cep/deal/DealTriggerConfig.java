package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The deal operators' configuration: each trigger's default settings, plus the operator-level times that no tenant
 * overrides. Travels inside the functions, so it keeps the settings as plain serializable maps.
 */
public final class DealTriggerConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_RECHECK = Duration.ofDays(1);
    public static final Duration DEFAULT_CLOSED_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_OPEN_RETENTION = Duration.ofDays(365);

    private final EnumMap<TriggerType, Boolean> enabled = new EnumMap<>(TriggerType.class);
    private final EnumMap<TriggerType, HashMap<String, String>> params = new EnumMap<>(TriggerType.class);
    private final Duration recheck;
    private final Duration closedRetention;
    private final Duration openRetention;

    /**
     * @param defaults        the triggers' settings; missing types or parameters take the shipped ones
     *                        ({@link DealTriggerSet#completeDefaults})
     * @param recheck         the longest a deal goes without re-evaluation; bounds how late a broadcast change (a
     *                        tenant's new median or override) takes effect on a deal that sees no events
     * @param closedRetention how long a closed deal's tombstone stays, so late events cannot reopen it
     * @param openRetention   an open deal silent this long (and past its close date by as much) is forgotten; also
     *                        the retention of stage clocks and stage samples
     */
    public DealTriggerConfig(Map<TriggerType, TriggerSettings> defaults, Duration recheck, Duration closedRetention,
                             Duration openRetention) {
        for (Map.Entry<TriggerType, TriggerSettings> e : DealTriggerSet.completeDefaults(defaults).entrySet()) {
            enabled.put(e.getKey(), e.getValue().enabled());
            params.put(e.getKey(), new HashMap<>(e.getValue().params()));
        }
        this.recheck = Objects.requireNonNull(recheck, "recheck");
        this.closedRetention = Objects.requireNonNull(closedRetention, "closedRetention");
        this.openRetention = Objects.requireNonNull(openRetention, "openRetention");
        if (recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("recheck must be positive");
        }
        // Parse every parameter now: a bad value fails at job build, not on the first event.
        DealTriggerSet.of(defaults(), type -> null);
        StageMedianFunction.from(stalledSettings(), openRetention);
    }

    public static DealTriggerConfig of(Map<TriggerType, TriggerSettings> defaults) {
        return new DealTriggerConfig(defaults, DEFAULT_RECHECK, DEFAULT_CLOSED_RETENTION, DEFAULT_OPEN_RETENTION);
    }

    /** Complete settings for the six deal types. */
    public Map<TriggerType, TriggerSettings> defaults() {
        Map<TriggerType, TriggerSettings> settings = new EnumMap<>(TriggerType.class);
        enabled.forEach((type, on) -> settings.put(type, new TriggerSettings(type.wireName(), on, params.get(type))));
        return settings;
    }

    public TriggerSettings stalledSettings() {
        return defaults().get(TriggerType.DEAL_STALLED);
    }

    public Duration recheck() {
        return recheck;
    }

    public Duration closedRetention() {
        return closedRetention;
    }

    public Duration openRetention() {
        return openRetention;
    }
}
