package com.crmautopilot.cep.config;

import com.crmautopilot.models.suggest.TriggerType;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parameter names and the kinds the catalog checks them against. A declared parameter must be present in
 * {@code triggers.yaml}; an undeclared one (a trigger may grow new parameters) takes its kind from its default
 * value. {@link #JOB_WIDE} parameters shape operators when the job is built and are not overridable per tenant.
 */
public final class TriggerParams {

    public static final String BASE_PRIORITY = "base_priority";
    public static final String COOLDOWN = "cooldown";
    public static final String SNOOZE = "snooze";

    public static final String SILENCE = "silence";
    public static final String EVALUATION_STEP = "evaluation_step";
    public static final String STATE_TTL = "state_ttl";
    public static final String RETAIN_AFTER_FIRE = "retain_after_fire";
    public static final String MIN_ENGAGEMENTS = "min_engagements";
    public static final String WINDOW = "window";
    public static final String ENGAGEMENT_TYPES = "engagement_types";
    public static final String FIRE_ON_HOT_TIER = "fire_on_hot_tier";
    public static final String REQUIRED_FIELDS = "required_fields";
    public static final String GRACE = "grace";
    public static final String RESPONSE_BUSINESS_HOURS = "response_business_hours";
    public static final String RESPONSE_BUSINESS_DAYS = "response_business_days";
    public static final String BUSINESS_ZONE = "business_zone";
    public static final String BUSINESS_DAY_START = "business_day_start";
    public static final String BUSINESS_DAY_END = "business_day_end";
    public static final String BUSINESS_DAYS = "business_days";
    public static final String MIN_POINTS = "min_points";
    public static final String FROM_TIERS = "from_tiers";
    public static final String TO_TIERS = "to_tiers";

    /** Not overridable per tenant: they size a CEP window, a watermark step or a state TTL. */
    public static final Set<String> JOB_WIDE = Set.of(EVALUATION_STEP, STATE_TTL);

    /** The account fields missing_data may require. */
    public static final Set<String> ACCOUNT_FIELDS = Set.of("annual_revenue", "industry", "employee_count");

    private static final Map<TriggerType, Map<String, ParamKind>> DECLARED = declared();

    private TriggerParams() {
    }

    /** The declared parameters of {@code type}, common ones included, in a stable order. */
    public static Map<String, ParamKind> declared(TriggerType type) {
        return DECLARED.get(type);
    }

    private static Map<TriggerType, Map<String, ParamKind>> declared() {
        Map<TriggerType, Map<String, ParamKind>> all = new EnumMap<>(TriggerType.class);
        for (TriggerType type : TriggerType.values()) {
            Map<String, ParamKind> kinds = new LinkedHashMap<>();
            kinds.put(BASE_PRIORITY, ParamKind.FRACTION);
            kinds.put(COOLDOWN, ParamKind.DURATION);
            kinds.put(SNOOZE, ParamKind.DURATION);
            all.put(type, kinds);
        }
        all.get(TriggerType.STALE_ACCOUNT).putAll(Map.of(SILENCE, ParamKind.DURATION,
                EVALUATION_STEP, ParamKind.DURATION, STATE_TTL, ParamKind.DURATION));
        all.get(TriggerType.INACTIVE_LEAD).putAll(Map.of(SILENCE, ParamKind.DURATION,
                RETAIN_AFTER_FIRE, ParamKind.DURATION, STATE_TTL, ParamKind.DURATION));
        all.get(TriggerType.HOT_LEAD).putAll(Map.of(MIN_ENGAGEMENTS, ParamKind.POSITIVE_INTEGER,
                WINDOW, ParamKind.DURATION, ENGAGEMENT_TYPES, ParamKind.LIST, FIRE_ON_HOT_TIER, ParamKind.BOOLEAN,
                STATE_TTL, ParamKind.DURATION));
        all.get(TriggerType.MISSING_DATA).putAll(Map.of(REQUIRED_FIELDS, ParamKind.LIST, GRACE, ParamKind.DURATION,
                STATE_TTL, ParamKind.DURATION));
        Map<String, ParamKind> businessHours = Map.of(BUSINESS_ZONE, ParamKind.ZONE,
                BUSINESS_DAY_START, ParamKind.TIME_OF_DAY, BUSINESS_DAY_END, ParamKind.TIME_OF_DAY,
                BUSINESS_DAYS, ParamKind.DAYS_OF_WEEK, RETAIN_AFTER_FIRE, ParamKind.DURATION,
                STATE_TTL, ParamKind.DURATION);
        all.get(TriggerType.DEMO_REQUEST_UNANSWERED).putAll(businessHours);
        all.get(TriggerType.DEMO_REQUEST_UNANSWERED).put(RESPONSE_BUSINESS_HOURS, ParamKind.POSITIVE_INTEGER);
        all.get(TriggerType.REPLY_UNANSWERED).putAll(businessHours);
        all.get(TriggerType.REPLY_UNANSWERED).put(RESPONSE_BUSINESS_DAYS, ParamKind.POSITIVE_INTEGER);
        all.get(TriggerType.SCORE_JUMP).putAll(Map.of(MIN_POINTS, ParamKind.POSITIVE_INTEGER,
                WINDOW, ParamKind.DURATION, STATE_TTL, ParamKind.DURATION));
        all.get(TriggerType.LEAD_WENT_COLD).putAll(Map.of(FROM_TIERS, ParamKind.LIST, TO_TIERS, ParamKind.LIST,
                STATE_TTL, ParamKind.DURATION));
        return all;
    }
}
