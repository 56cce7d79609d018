package com.crmautopilot.models.event;

/** The entity references an envelope can carry, by their wire names. */
public enum EntityRef {
    LEAD("lead_id"),
    CONTACT("contact_id"),
    ACCOUNT("account_id"),
    OPPORTUNITY("opportunity_id"),
    CAMPAIGN("campaign_id"),
    USER("user_id");

    private final String field;

    EntityRef(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String of(CrmEvent event) {
        return switch (this) {
            case LEAD -> event.leadId();
            case CONTACT -> event.contactId();
            case ACCOUNT -> event.accountId();
            case OPPORTUNITY -> event.opportunityId();
            case CAMPAIGN -> event.campaignId();
            case USER -> event.userId();
        };
    }
}
