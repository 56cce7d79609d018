package com.crmautopilot.models.event;

import com.crmautopilot.models.event.payload.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.crmautopilot.models.event.EntityRef.*;

/**
 * Every event type the {@code crm.events} topic accepts: its wire name, its payload record, and the entity
 * references it must carry. Each inner set is an "any of" group: at least one reference in it must be present.
 * Per-recipient campaign engagement is the {@code email.*} family carrying {@code campaign_id} and
 * {@code payload.variant_id}.
 */
public enum EventType {
    LEAD_CREATED("lead.created", LeadCreated.class, Category.LEAD, Set.of(LEAD)),
    LEAD_UPDATED("lead.updated", LeadUpdated.class, Category.LEAD, Set.of(LEAD)),
    LEAD_ASSIGNED("lead.assigned", LeadAssigned.class, Category.LEAD, Set.of(LEAD)),
    LEAD_CONVERTED("lead.converted", LeadConverted.class, Category.LEAD, Set.of(LEAD)),
    LEAD_DISQUALIFIED("lead.disqualified", LeadDisqualified.class, Category.LEAD, Set.of(LEAD)),

    EMAIL_SENT("email.sent", EmailSent.class, Category.OUTBOUND, Set.of(LEAD, CONTACT)),
    EMAIL_DELIVERED("email.delivered", EmailDelivered.class, Category.OUTBOUND, Set.of(LEAD, CONTACT)),
    EMAIL_OPENED("email.opened", EmailOpened.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    EMAIL_CLICKED("email.clicked", EmailClicked.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    EMAIL_REPLIED("email.replied", EmailReplied.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    EMAIL_BOUNCED("email.bounced", EmailBounced.class, Category.OUTBOUND, Set.of(LEAD, CONTACT)),
    EMAIL_UNSUBSCRIBED("email.unsubscribed", EmailUnsubscribed.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),

    WEB_VISIT("web.visit", WebVisit.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    CONTENT_DOWNLOADED("content.downloaded", ContentDownloaded.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    DEMO_REQUESTED("demo.requested", DemoRequested.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    FORM_SUBMITTED("form.submitted", FormSubmitted.class, Category.ENGAGEMENT, Set.of(LEAD, CONTACT)),
    CALL_LOGGED("call.logged", CallLogged.class, Category.OUTBOUND, Set.of(LEAD, CONTACT, OPPORTUNITY)),
    MEETING_LOGGED("meeting.logged", MeetingLogged.class, Category.OUTBOUND, Set.of(LEAD, CONTACT, OPPORTUNITY)),

    ACCOUNT_UPDATED("account.updated", AccountUpdated.class, Category.ACCOUNT, Set.of(ACCOUNT)),

    OPPORTUNITY_CREATED("opportunity.created", OpportunityCreated.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY), Set.of(ACCOUNT)),
    OPPORTUNITY_STAGE_CHANGED("opportunity.stage_changed", OpportunityStageChanged.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),
    OPPORTUNITY_AMOUNT_CHANGED("opportunity.amount_changed", OpportunityAmountChanged.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),
    OPPORTUNITY_CLOSE_DATE_CHANGED("opportunity.close_date_changed", OpportunityCloseDateChanged.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),
    OPPORTUNITY_CONTACT_ADDED("opportunity.contact_added", OpportunityContactAdded.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY), Set.of(CONTACT)),
    OPPORTUNITY_COMPETITOR_NOTED("opportunity.competitor_noted", OpportunityCompetitorNoted.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),
    OPPORTUNITY_BUDGET_CONFIRMED("opportunity.budget_confirmed", OpportunityBudgetConfirmed.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),
    OPPORTUNITY_CLOSED_WON("opportunity.closed_won", OpportunityClosedWon.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),
    OPPORTUNITY_CLOSED_LOST("opportunity.closed_lost", OpportunityClosedLost.class, Category.OPPORTUNITY, Set.of(OPPORTUNITY)),

    CAMPAIGN_CREATED("campaign.created", CampaignCreated.class, Category.CAMPAIGN, Set.of(CAMPAIGN)),
    CAMPAIGN_VARIANT_ADDED("campaign.variant_added", CampaignVariantAdded.class, Category.CAMPAIGN, Set.of(CAMPAIGN)),
    CAMPAIGN_SENT("campaign.sent", CampaignSent.class, Category.CAMPAIGN, Set.of(CAMPAIGN)),

    /** Producers send one per tenant when otherwise idle, so event time (and absence triggers) keep moving. */
    HEARTBEAT("system.heartbeat", Heartbeat.class, Category.SYSTEM);

    /** What an event says about its subject, for features and activity marks. */
    public enum Category { LEAD, OUTBOUND, ENGAGEMENT, ACCOUNT, OPPORTUNITY, CAMPAIGN, SYSTEM }

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Class<? extends Record> payloadClass;
    private final Category category;
    private final List<Set<EntityRef>> requiredRefs;

    @SafeVarargs
    EventType(String wireName, Class<? extends Record> payloadClass, Category category, Set<EntityRef>... requiredRefs) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
        this.category = category;
        this.requiredRefs = List.of(requiredRefs);
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends Record> payloadClass() {
        return payloadClass;
    }

    public Category category() {
        return category;
    }

    /** Groups of references; the event must carry at least one reference from every group. */
    public List<Set<EntityRef>> requiredRefs() {
        return requiredRefs;
    }

    /** True for the events a lead does itself: the signal of interest. */
    public boolean isLeadEngagement() {
        return category == Category.ENGAGEMENT;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    public static Set<EventType> ofCategory(Category category) {
        EnumSet<EventType> result = EnumSet.noneOf(EventType.class);
        for (EventType t : values()) {
            if (t.category == category) {
                result.add(t);
            }
        }
        return result;
    }
}
