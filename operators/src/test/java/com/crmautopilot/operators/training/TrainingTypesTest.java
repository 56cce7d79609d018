package com.crmautopilot.operators.training;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The training job's records and state use Flink's POJO/record serializer, never Kryo. */
class TrainingTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {LabelledSnapshot.class, EndOfData.class, SnapshotCursor.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }
}
