package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.UserPreferences;

import java.util.Objects;

/** One {@code crm.preferences} record decoded: the preferences, or the dead letter saying why they are not. */
public record DecodedPreferences(UserPreferences preferences, DeadLetter deadLetter) {

    public static DecodedPreferences of(UserPreferences preferences) {
        return new DecodedPreferences(Objects.requireNonNull(preferences, "preferences"), null);
    }

    public static DecodedPreferences of(DeadLetter deadLetter) {
        return new DecodedPreferences(null, Objects.requireNonNull(deadLetter, "deadLetter"));
    }

    public boolean isValid() {
        return preferences != null;
    }
}
