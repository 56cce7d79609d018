package com.crmautopilot.operators;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.profile.LeadProfileFunction;
import com.crmautopilot.operators.profile.LeadProfileState;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every type kept in state or sent between operators must use Flink's POJO/record serializer: no Kryo, ever. */
class StateTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {LeadProfileState.class, CrmEvent.class, DeadLetter.class,
            LeadProfile.class, Ingested.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }

    @Test
    void theProfileStateHasNoGenericTypeAnywhereInside() {
        TypeInformation<LeadProfileState> info = LeadProfileFunction.STATE_TYPE;

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThat(genericTypesIn(info)).isEmpty();
        SerializerConfigImpl noGenerics = new SerializerConfigImpl();
        noGenerics.setGenericTypes(false);
        TypeSerializer<LeadProfileState> serializer = info.createSerializer(noGenerics);
        assertThat(serializer).isInstanceOf(PojoSerializer.class);
    }

    private static List<TypeInformation<?>> genericTypesIn(TypeInformation<?> info) {
        List<TypeInformation<?>> found = new ArrayList<>();
        collectGeneric(info, found);
        return found;
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
