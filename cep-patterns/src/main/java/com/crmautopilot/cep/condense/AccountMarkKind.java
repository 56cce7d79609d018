package com.crmautopilot.cep.condense;

/** What an {@link AccountMark} says about its account. */
public enum AccountMarkKind {
    /** Someone touched the account: an email, call, meeting, reply, visit, or a change on one of its deals. */
    TOUCH,
    /** The account's attributes: name, owner, and whether revenue, industry and size are known. */
    PROFILE,
    /** An opportunity on the account opened ({@code opportunity.created}). */
    OPPORTUNITY_OPENED,
    /** An opportunity on the account closed, won or lost. */
    OPPORTUNITY_CLOSED
}
