package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * {@code single_threaded}: a deal at {@code from_stage} or later with at most {@code max_engaged_contacts} engaged
 * contacts, {@code delay} after it got there (the contact that makes it multi-threaded is often logged just after
 * the stage change). A contact is engaged when it was added to the deal or had a conversation on it (a connected
 * call, a meeting, a reply); one-way emails do not count. The episode starts when the deal reached the stage; a
 * further contact engaging clears it, as does falling back to an earlier stage.
 */
public final class SingleThreadedTrigger extends LateStageTrigger {

    public static final TriggerType TYPE = TriggerType.SINGLE_THREADED;
    static final int SLOT = 3;

    private final int maxEngaged;

    private SingleThreadedTrigger(boolean enabled, int fromRank, int maxEngaged, long delay) {
        super(TYPE, SLOT, enabled, fromRank, delay);
        this.maxEngaged = maxEngaged;
    }

    public static SingleThreadedTrigger from(TriggerSettings settings) {
        int maxEngaged = settings.integer("max_engaged_contacts");
        if (maxEngaged < 0 || maxEngaged >= DealState.MAX_CONTACTS) {
            throw new IllegalArgumentException(TYPE.wireName() + ": max_engaged_contacts must be 0.."
                    + (DealState.MAX_CONTACTS - 1) + ", was " + maxEngaged);
        }
        return new SingleThreadedTrigger(settings.enabled(),
                DealStages.requireRank(settings.text("from_stage"), TYPE.wireName() + ".from_stage"), maxEngaged,
                settings.duration("delay").toMillis());
    }

    @Override
    boolean lacking(DealState deal) {
        return deal.engagedContacts.length <= maxEngaged;
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        facts.put("engaged_contacts", Integer.toString(deal.engagedContacts.length));
        if (deal.engagedContacts.length == 1) {
            facts.put("only_contact_id", deal.engagedContacts[0]);
        }
        return facts;
    }
}
