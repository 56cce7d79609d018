package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * What the engine's keyed input carries: exactly one of a candidate, a user's feedback or a user's preferences,
 * all keyed by (tenant, user). Candidates without an owner share the tenant's "unassigned" key (empty user), where
 * they are deduplicated and cooled down but never delivered.
 */
public record EngineInput(SuggestionCandidate candidate, UserFeedback feedback, UserPreferences preferences) {

    public static final TypeInformation<EngineInput> TYPE = TypeInformation.of(EngineInput.class);
    static final String UNASSIGNED = "";

    public static EngineInput of(SuggestionCandidate candidate) {
        return new EngineInput(candidate, null, null);
    }

    public static EngineInput of(UserFeedback feedback) {
        return new EngineInput(null, feedback, null);
    }

    public static EngineInput of(UserPreferences preferences) {
        return new EngineInput(null, null, preferences);
    }

    public String tenantId() {
        return candidate != null ? candidate.tenantId() : feedback != null ? feedback.tenantId() : preferences.tenantId();
    }

    public String userId() {
        String user = candidate != null ? candidate.ownerUserId()
                : feedback != null ? feedback.userId() : preferences.userId();
        return user == null ? UNASSIGNED : user;
    }

    public static KeySelector<EngineInput, String> byTenantAndUser() {
        return new ByTenantAndUser();
    }

    private static final class ByTenantAndUser implements KeySelector<EngineInput, String> {
        @Override
        public String getKey(EngineInput input) {
            return TenantKeys.of(input.tenantId(), input.userId());
        }
    }
}
