package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type the engine keeps in state or sends between operators uses Flink's POJO/record serializer: no Kryo. */
class SuggestTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {SlotState.class, OutcomeState.class, PendingDelivery.class, EngineTimers.class,
            AcceptanceCounts.class, TenantContext.class, EngineInput.class, TenantSignal.class, DecodedFeedback.class,
            DecodedPreferences.class, Suggestion.class, Notification.class, SuggestionCandidate.class,
            UserFeedback.class, UserPreferences.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }
}
