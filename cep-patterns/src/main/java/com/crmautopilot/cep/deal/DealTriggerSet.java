package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The six deal triggers configured for one tenant: the defaults with that tenant's overrides on top. */
public final class DealTriggerSet {

    /** The deal trigger types, in slot order. */
    public static final List<TriggerType> TYPES = List.of(DealAtRiskTrigger.TYPE, DealStalledTrigger.TYPE,
            CloseDatePassedTrigger.TYPE, SingleThreadedTrigger.TYPE, NoChampionLateStageTrigger.TYPE,
            CompetitorDetectedTrigger.TYPE);

    private final List<DealTrigger> triggers;

    private DealTriggerSet(List<DealTrigger> triggers) {
        this.triggers = triggers;
    }

    public List<DealTrigger> triggers() {
        return triggers;
    }

    /**
     * The shipped defaults ({@link #shippedDefaults()}) with {@code defaults} on top, parameter by parameter, so a
     * config file that names only some parameters still yields complete settings.
     */
    public static Map<TriggerType, TriggerSettings> completeDefaults(Map<TriggerType, TriggerSettings> defaults) {
        Map<TriggerType, TriggerSettings> complete = new EnumMap<>(TriggerType.class);
        for (Map.Entry<TriggerType, TriggerSettings> shipped : shippedDefaults().entrySet()) {
            TriggerSettings given = defaults == null ? null : defaults.get(shipped.getKey());
            complete.put(shipped.getKey(), given == null ? shipped.getValue() : shipped.getValue()
                    .with(new TriggerOverride(null, given.triggerType(), given.enabled(), given.params())));
        }
        return complete;
    }

    /** The deal triggers' settings in the shipped {@code triggers.yaml}, the one table of defaults. */
    public static Map<TriggerType, TriggerSettings> shippedDefaults() {
        TriggerCatalog shipped = TriggerCatalog.defaults();
        Map<TriggerType, TriggerSettings> defaults = new EnumMap<>(TriggerType.class);
        for (TriggerType type : TYPES) {
            defaults.put(type, shipped.settings(type));
        }
        return defaults;
    }

    /**
     * @param complete  settings for every deal type ({@link #completeDefaults})
     * @param overrides the tenant's override of a type, or null
     */
    public static DealTriggerSet of(Map<TriggerType, TriggerSettings> complete,
                                    Function<TriggerType, TriggerOverride> overrides) {
        return new DealTriggerSet(List.of(
                DealAtRiskTrigger.from(settings(complete, overrides, DealAtRiskTrigger.TYPE)),
                DealStalledTrigger.from(settings(complete, overrides, DealStalledTrigger.TYPE)),
                CloseDatePassedTrigger.from(settings(complete, overrides, CloseDatePassedTrigger.TYPE)),
                SingleThreadedTrigger.from(settings(complete, overrides, SingleThreadedTrigger.TYPE)),
                NoChampionLateStageTrigger.from(settings(complete, overrides, NoChampionLateStageTrigger.TYPE)),
                CompetitorDetectedTrigger.from(settings(complete, overrides, CompetitorDetectedTrigger.TYPE))));
    }

    private static TriggerSettings settings(Map<TriggerType, TriggerSettings> complete,
                                            Function<TriggerType, TriggerOverride> overrides, TriggerType type) {
        TriggerSettings settings = Objects.requireNonNull(complete.get(type), type.wireName());
        return settings.with(overrides.apply(type));
    }
}
