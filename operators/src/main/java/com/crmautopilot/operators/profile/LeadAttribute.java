package com.crmautopilot.operators.profile;

/**
 * The profile attributes that lifecycle events set, newest event wins. The ordinal indexes
 * {@link LeadProfileState#attributeTimes}: append new attributes at the end, never reorder or remove one.
 */
public enum LeadAttribute {
    NAME,
    TITLE,
    COMPANY,
    COMPANY_SIZE,
    INDUSTRY,
    COUNTRY,
    SOURCE,
    CAMPAIGN_ID,
    OWNER_ID,
    STATUS
}
