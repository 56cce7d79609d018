package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.UserFeedback;

import java.util.Objects;

/** One {@code crm.feedback} record decoded: the feedback, or the dead letter saying why it is not one. */
public record DecodedFeedback(UserFeedback feedback, DeadLetter deadLetter) {

    public static DecodedFeedback of(UserFeedback feedback) {
        return new DecodedFeedback(Objects.requireNonNull(feedback, "feedback"), null);
    }

    public static DecodedFeedback of(DeadLetter deadLetter) {
        return new DecodedFeedback(null, Objects.requireNonNull(deadLetter, "deadLetter"));
    }

    public boolean isValid() {
        return feedback != null;
    }
}
