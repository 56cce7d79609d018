package com.crmautopilot.simulator.world;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead as the world knows it: its true attributes, hidden traits and planned outcome. The events show only
 * part of it ({@code *Hidden} fields are left out of {@code lead.created} until a {@code lead.updated} at
 * {@code updateAt} may fill them in).
 *
 * @param drawIndex             the index of the lead's random stream (ids follow creation order instead)
 * @param interest              hidden interest, N(0, 1): drives both conversion and engagement
 * @param habit                 hidden engagement habit, N(0, 1): drives engagement only (noise to a model)
 * @param conversionProbability p, see {@link LeadPropensity}
 * @param willConvert           the latent outcome, drawn with probability p
 * @param convertAt             when it converts (may lie after the period), null if it never does
 * @param disqualifyAt          when it is disqualified (may lie after the period), null if never
 * @param accountId             the existing account the lead's company is, named in {@code lead.created}; null
 *                              for a company the tenant does not know yet
 * @param opportunityId         the deal its conversion opens, when the conversion falls inside the period
 * @param contactId             the contact the lead becomes when it converts
 * @param dealAccountId         the account of that deal (a new one when the company was unknown)
 */
public record LeadPlan(
        String tenantId,
        String leadId,
        int drawIndex,
        Instant createdAt,
        String ownerId,
        String name,
        String email,
        String title,
        Seniority seniority,
        String company,
        String accountId,
        int companySize,
        String industry,
        String country,
        ZoneId zone,
        String source,
        String campaignId,
        boolean sizeHidden,
        boolean industryHidden,
        boolean titleHidden,
        boolean countryHidden,
        double interest,
        double habit,
        double logit,
        double conversionProbability,
        boolean willConvert,
        Instant convertAt,
        Instant disqualifyAt,
        String disqualifyReason,
        Instant updateAt,
        String opportunityId,
        String contactId,
        String dealAccountId) {

    public List<String> hiddenFields() {
        List<String> fields = new ArrayList<>();
        if (titleHidden) {
            fields.add("title");
        }
        if (sizeHidden) {
            fields.add("company_size");
        }
        if (industryHidden) {
            fields.add("industry");
        }
        if (countryHidden) {
            fields.add("country");
        }
        return fields;
    }

    LeadPlan withIds(String newLeadId, String newOpportunityId, String newContactId) {
        return new LeadPlan(tenantId, newLeadId, drawIndex, createdAt, ownerId, name, email, title, seniority, company,
                accountId, companySize, industry, country, zone, source, campaignId, sizeHidden, industryHidden,
                titleHidden, countryHidden, interest, habit, logit, conversionProbability, willConvert, convertAt,
                disqualifyAt, disqualifyReason, updateAt, newOpportunityId, newContactId, dealAccountId);
    }

    LeadPlan withDealAccount(String newDealAccountId) {
        return new LeadPlan(tenantId, leadId, drawIndex, createdAt, ownerId, name, email, title, seniority, company,
                accountId, companySize, industry, country, zone, source, campaignId, sizeHidden, industryHidden,
                titleHidden, countryHidden, interest, habit, logit, conversionProbability, willConvert, convertAt,
                disqualifyAt, disqualifyReason, updateAt, opportunityId, contactId, newDealAccountId);
    }
}
