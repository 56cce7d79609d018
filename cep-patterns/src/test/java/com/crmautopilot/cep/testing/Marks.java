package com.crmautopilot.cep.testing;

import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.condense.AccountMarkKind;
import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;

import java.time.Instant;

/** Test marks by named instants. */
public final class Marks {

    public static final String TENANT = "acme";
    public static final String OTHER_TENANT = "globex";
    public static final String REP = "user-dana";

    private Marks() {
    }

    public static LeadMark created(String tenant, String lead, Instant at) {
        return new LeadMark(tenant, lead, LeadMarkKind.CREATED, "lead.created", null, at.toEpochMilli(), null,
                "Lead " + lead, null, null, null);
    }

    public static LeadMark assigned(String tenant, String lead, String owner, Instant at) {
        return new LeadMark(tenant, lead, LeadMarkKind.ASSIGNED, "lead.assigned", null, at.toEpochMilli(), owner,
                null, null, null, null);
    }

    public static LeadMark engagement(String tenant, String lead, String type, Instant at) {
        return LeadMark.of(tenant, lead, LeadMarkKind.ENGAGEMENT, type, null, at.toEpochMilli());
    }

    public static LeadMark repTouch(String tenant, String lead, String type, Instant at) {
        return LeadMark.of(tenant, lead, LeadMarkKind.REP_TOUCH, type, REP, at.toEpochMilli());
    }

    public static LeadMark closed(String tenant, String lead, String type, Instant at) {
        return LeadMark.of(tenant, lead, LeadMarkKind.CLOSED, type, REP, at.toEpochMilli());
    }

    public static LeadMark score(String tenant, String lead, int score, String tier, Instant at) {
        return new LeadMark(tenant, lead, LeadMarkKind.SCORE, "lead_score", null, at.toEpochMilli(), null, null,
                score, tier, null);
    }

    public static LeadMark tierChange(String tenant, String lead, String from, String to, int score, Instant at) {
        return new LeadMark(tenant, lead, LeadMarkKind.TIER_CHANGE, "score_change", null, at.toEpochMilli(), null,
                null, score, to, from);
    }

    public static AccountMark profile(String tenant, String account, boolean revenue, boolean industry, boolean size,
                                      Instant at) {
        return new AccountMark(tenant, account, AccountMarkKind.PROFILE, "account.updated", REP, at.toEpochMilli(),
                null, "Acme Corp", REP, revenue, industry, size);
    }

    public static AccountMark dealOpened(String tenant, String account, String deal, Instant at) {
        return new AccountMark(tenant, account, AccountMarkKind.OPPORTUNITY_OPENED, "opportunity.created", REP,
                at.toEpochMilli(), deal, "Deal " + deal, REP, false, false, false);
    }

    public static AccountMark dealClosed(String tenant, String account, String deal, Instant at) {
        return new AccountMark(tenant, account, AccountMarkKind.OPPORTUNITY_CLOSED, "opportunity.closed_lost", REP,
                at.toEpochMilli(), deal, null, null, false, false, false);
    }
}
