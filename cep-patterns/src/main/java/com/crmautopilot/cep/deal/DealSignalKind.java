package com.crmautopilot.cep.deal;

/** What a {@link DealSignal} says about its deal. */
public enum DealSignalKind {
    CREATED,
    STAGE_CHANGED,
    CLOSE_DATE_CHANGED,
    AMOUNT_CHANGED,
    CONTACT_ADDED,
    COMPETITOR_NOTED,
    CLOSED_WON,
    CLOSED_LOST,
    /** Our side reached out (an email sent, a call that got voicemail): activity, but no contact engaged. */
    ONE_WAY_TOUCH,
    /** A conversation with a contact (a connected call, a meeting, a reply): activity that engages the contact. */
    TWO_WAY_TOUCH;

    public boolean closes() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }

    public boolean isActivity() {
        return this == ONE_WAY_TOUCH || this == TWO_WAY_TOUCH;
    }

    /** The signals that start, move or end a stage stay. */
    public boolean isStageClock() {
        return this == CREATED || this == STAGE_CHANGED || closes();
    }
}
