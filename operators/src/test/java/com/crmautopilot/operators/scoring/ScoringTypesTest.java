package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.output.ScoreFactors;
import com.crmautopilot.models.output.ScoreHistoryEntry;
import com.crmautopilot.models.scoring.Tier;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything lead scoring sends between operators or keeps in state goes through Flink's POJO serializer, never Kryo. */
class ScoringTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {LeadScore.class, ScoreChange.class, ScoreFactors.class, ScoreHistoryEntry.class,
            ModelAnnouncement.class, ControlCommand.class, LeadScoringInput.class, ControlMessage.class,
            LeadScoreState.class, TenantModels.class, ModelArtifact.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }

    @ParameterizedTest
    @ValueSource(classes = {LeadScore.class, LeadScoreState.class, LeadScoringInput.class, ControlMessage.class,
            TenantModels.class})
    void hasNoGenericTypeAnywhereInside(Class<?> type) {
        List<TypeInformation<?>> generic = new ArrayList<>();
        collectGeneric(TypeInformation.of(type), generic);

        assertThat(generic).isEmpty();
    }

    @Test
    void aScoreWithItsFactorsAndHistorySurvivesTheSerializer() throws Exception {
        Instant at = Instant.parse("2026-02-02T09:00:00Z");
        ScoreHistoryEntry entry = new ScoreHistoryEntry(78, Tier.HOT, "v1", at, "demo.requested", "Rose");
        LeadScore score = new LeadScore("id", "acme", "lead-1", 78, 0.78, Tier.HOT, 0.85,
                new ScoreFactors(List.of("Demo requested today (weight: 0.25)"), List.of()),
                List.of("Schedule the demo call within 24 hours"), at.plusSeconds(86_400), "v1", at,
                "demo.requested", "evt-1", "Rose", List.of(entry));
        SerializerConfigImpl noGenerics = new SerializerConfigImpl();
        noGenerics.setGenericTypes(false);
        TypeSerializer<LeadScore> serializer = TypeInformation.of(LeadScore.class).createSerializer(noGenerics);

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(score, out);
        LeadScore back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back).isEqualTo(score);
    }

    private static void collectGeneric(TypeInformation<?> info, List<TypeInformation<?>> found) {
        if (info instanceof GenericTypeInfo<?>) {
            found.add(info);
        }
        info.getGenericParameters().values().forEach(child -> collectGeneric(child, found));
        if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                collectGeneric(pojo.getTypeAt(i), found);
            }
        }
    }
}
