package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Locale;
import java.util.Map;

/**
 * {@code deal_stalled}: the deal has been in its stage for more than {@code factor} times the tenant's median stay
 * in that stage. The median comes from the tenant's completed stays ({@link StageMedianFunction}, broadcast as
 * {@link StageMedian}s); until a stage has {@code min_sample} of them, {@code fallback_median} stands in. The
 * episode is the stay: it starts when the deal entered the stage, and a stage change or close ends it.
 *
 * <p>{@code min_sample} and {@code sample_size} shape the median operator and are read from the defaults only;
 * {@code factor} and {@code fallback_median} can be overridden per tenant.
 */
public final class DealStalledTrigger extends ConfiguredDealTrigger {

    public static final TriggerType TYPE = TriggerType.DEAL_STALLED;
    static final int SLOT = 1;

    private final double factor;
    private final long fallbackMedian;

    private DealStalledTrigger(boolean enabled, double factor, long fallbackMedian) {
        super(TYPE, SLOT, enabled);
        this.factor = factor;
        this.fallbackMedian = fallbackMedian;
    }

    public static DealStalledTrigger from(TriggerSettings settings) {
        double factor = settings.decimal("factor");
        if (!(factor > 0)) {
            throw new IllegalArgumentException(TYPE.wireName() + ": factor must be positive, was " + factor);
        }
        return new DealStalledTrigger(settings.enabled(), factor, settings.duration("fallback_median").toMillis());
    }

    @Override
    public Long episodeStart(DealState deal, long now, StageMedians medians) {
        if (deal.stage == null || deal.stageEnteredAt == DealState.NEVER) {
            return null;
        }
        return now >= stalledAt(deal, medians) ? deal.stageEnteredAt : null;
    }

    @Override
    public long nextChange(DealState deal, long now, StageMedians medians) {
        if (deal.stage == null || deal.stageEnteredAt == DealState.NEVER) {
            return NO_CHANGE;
        }
        return untilPassed(stalledAt(deal, medians), now);
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        Long tenantMedian = medians.medianMillis(deal.stage);
        long median = tenantMedian != null ? tenantMedian : fallbackMedian;
        facts.put("days_in_stage", DealFacts.days(now - deal.stageEnteredAt));
        facts.put("median_days", String.format(Locale.ROOT, "%.1f", median / (double) DealFacts.DAY));
        facts.put("median_source", tenantMedian != null ? "tenant" : "default");
        facts.put("factor", Double.toString(factor));
        facts.put("stage_entered_at", DealFacts.instant(deal.stageEnteredAt));
        return facts;
    }

    private long stalledAt(DealState deal, StageMedians medians) {
        Long tenantMedian = medians.medianMillis(deal.stage);
        long median = tenantMedian != null ? tenantMedian : fallbackMedian;
        return deal.stageEnteredAt + (long) Math.ceil(factor * median);
    }
}
