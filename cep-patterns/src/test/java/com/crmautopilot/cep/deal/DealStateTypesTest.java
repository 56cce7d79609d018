package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything the deal triggers keep in state or send between operators uses Flink's POJO serializer, never Kryo. */
class DealStateTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {DealState.class, StageClock.class, StageSample.class, DealSignal.class, StageStay.class,
            StageMedian.class, DealControl.class, TriggerOverride.class, SuggestionCandidate.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }
}
