package com.crmautopilot.models.serialization;

import com.crmautopilot.models.SampleRecords;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records that flow between Flink operators must use Flink's POJO (record) serializer: Kryo is slow, and the
 * jobs run with generic types disabled, so a Kryo fallback would fail the job at start.
 */
class FlinkSerializationTest {

    @Test
    void crmEventIsSerializedAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(CrmEvent.class);
    }

    @Test
    void leadProfileIsSerializedAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LeadProfile.class);
    }

    @Test
    void deadLetterIsSerializedAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DeadLetter.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventOfEveryTypeSurvivesTheSerializer(EventType type) throws IOException {
        CrmEvent event = SampleRecords.event(type);

        assertThat(roundTrip(CrmEvent.class, event)).isEqualTo(event);
    }

    @Test
    void anEventWithoutOptionalReferencesSurvivesTheSerializer() throws IOException {
        CrmEvent sparse = CrmEvent.builder("t", "e", EventType.HEARTBEAT, SampleRecords.OCCURRED_AT).build();

        assertThat(roundTrip(CrmEvent.class, sparse)).isEqualTo(sparse);
    }

    @Test
    void aLeadProfileSurvivesTheSerializer() throws IOException {
        LeadProfile full = SampleRecords.leadProfile();
        LeadProfile sparse = new LeadProfile("t:l:1", "t", "l", 1, SampleRecords.OCCURRED_AT, LeadProfile.TRIGGER_WINDOW_EXPIRY,
                null, null, null, null, null, null, null, null, null, null, null,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0L, false, null, null, null, null, 0, 0L, null);

        assertThat(roundTrip(LeadProfile.class, full)).isEqualTo(full);
        assertThat(roundTrip(LeadProfile.class, sparse)).isEqualTo(sparse);
    }

    @Test
    void aDeadLetterOfEveryReasonSurvivesTheSerializer() throws IOException {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            DeadLetter deadLetter = DeadLetter.fromSource(reason, "detail", "crm.events", 1, 2L, null, null, new byte[]{(byte) 0xFF});

            assertThat(roundTrip(DeadLetter.class, deadLetter)).isEqualTo(deadLetter);
        }
        assertThat(roundTrip(DeadLetter.class, SampleRecords.deadLetter())).isEqualTo(SampleRecords.deadLetter());
    }

    /** Serializes with the serializer Flink builds when generic types (Kryo) are disabled, and reads it back. */
    private static <T> T roundTrip(Class<T> type, T value) throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(config);
        assertThat(serializer).isInstanceOf(PojoSerializer.class);

        DataOutputSerializer out = new DataOutputSerializer(512);
        serializer.serialize(value, out);
        T copy = serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        assertThat(serializer.copy(value)).isEqualTo(value);
        return copy;
    }
}
