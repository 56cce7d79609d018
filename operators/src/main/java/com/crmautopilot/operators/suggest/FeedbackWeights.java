package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.FeedbackAction;

/**
 * What one answer to a suggestion teaches the learner: accepted or acted is a success (1), dismissed a failure (1),
 * snoozed a weak failure ({@value #SNOOZE_FAILURE}: "not now" says less than "no"). Approve and reject belong to
 * campaign actions and teach nothing here. Each suggestion counts once: a later answer to the same suggestion
 * replaces the earlier one's contribution (snoozed, then accepted, ends as one success).
 */
public record FeedbackWeights(double success, double failure) {

    public static final double SNOOZE_FAILURE = 0.25;
    public static final FeedbackWeights NONE = new FeedbackWeights(0, 0);

    public static FeedbackWeights of(FeedbackAction action) {
        return switch (action) {
            case ACCEPTED, ACTED -> new FeedbackWeights(1, 0);
            case DISMISSED -> new FeedbackWeights(0, 1);
            case SNOOZED -> new FeedbackWeights(0, SNOOZE_FAILURE);
            case APPROVED, REJECTED -> NONE;
        };
    }

    public boolean teaches() {
        return success != 0 || failure != 0;
    }
}
