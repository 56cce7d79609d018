package com.crmautopilot.cep.testing;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.assertj.core.api.ThrowingConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What every trigger's withdrawal must be, whatever withdrew it (an answer, a close, a switch-off). */
public final class Withdrawals {

    private Withdrawals() {
    }

    /**
     * The requirement that a candidate withdraws {@code fired}: cleared, under the same suggestion id, so the
     * engine retracts the suggestion it made of it.
     */
    public static ThrowingConsumer<SuggestionCandidate> withdrawalOf(SuggestionCandidate fired) {
        return c -> {
            assertThat(c.cleared()).isTrue();
            assertThat(c.suggestionId()).isEqualTo(fired.suggestionId());
        };
    }
}
