package com.crmautopilot.operators.dedupe;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.operators.keys.TenantKeys;
import com.crmautopilot.operators.testing.Harnesses;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.crmautopilot.operators.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DedupeFunctionTest {

    private static final Duration TTL = Duration.ofDays(7);

    private KeyedOneInputStreamOperatorTestHarness<String, CrmEvent, CrmEvent> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = Harnesses.keyed(new DedupeFunction(TTL, "crm.events"), TenantKeys.byEventId());
        harness.setStateTtlProcessingTime(0);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void passesTheFirstCopyAndParksLaterOnesAsDuplicates() throws Exception {
        CrmEvent open = withId(TENANT, "e-1", EventType.EMAIL_OPENED, T0);
        CrmEvent retried = withId(TENANT, "e-1", EventType.EMAIL_OPENED, T0);

        harness.processElement(open, millis(T0));
        harness.processElement(retried, millis(T0));
        harness.processElement(retried, millis(T0));

        assertThat(harness.extractOutputValues()).containsExactly(open);
        List<DeadLetter> duplicates = harness.getSideOutput(DedupeFunction.DUPLICATES).stream()
                .map(StreamRecord::getValue).toList();
        assertThat(duplicates).hasSize(2).allSatisfy(deadLetter -> {
            assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.DUPLICATE);
            assertThat(deadLetter.tenantId()).isEqualTo(TENANT);
            assertThat(deadLetter.eventId()).isEqualTo("e-1");
            assertThat(deadLetter.sourceTopic()).isEqualTo("crm.events");
            assertThat(Json.read(deadLetter.originalBytes(), CrmEvent.class)).isEqualTo(retried);
        });
    }

    @Test
    void theSameEventIdInAnotherTenantIsNotADuplicate() throws Exception {
        CrmEvent ours = withId(TENANT, "e-1", EventType.EMAIL_OPENED, T0);
        CrmEvent theirs = withId(OTHER_TENANT, "e-1", EventType.EMAIL_OPENED, T0);

        harness.processElement(ours, millis(T0));
        harness.processElement(theirs, millis(T0));

        assertThat(harness.extractOutputValues()).containsExactly(ours, theirs);
        assertThat(harness.getSideOutput(DedupeFunction.DUPLICATES)).isNull();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void forgetsAnEventIdOnceItsTtlHasPassed() throws Exception {
        CrmEvent open = withId(TENANT, "e-1", EventType.EMAIL_OPENED, T0);
        harness.processElement(open, millis(T0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
        harness.processElement(withId(TENANT, "e-1", EventType.EMAIL_OPENED, T0), millis(T0));
        assertThat(harness.getSideOutput(DedupeFunction.DUPLICATES)).as("still remembered").hasSize(1);

        harness.processElement(withId(TENANT, "e-2", EventType.EMAIL_CLICKED, T0), millis(T0));
        harness.setStateTtlProcessingTime(TTL.toMillis() + 1);

        assertThat(markerOf(TENANT, "e-1")).as("expired markers are never returned").isNull();
        assertThat(harness.numKeyedStateEntries()).as("and reading one removed it: only e-2's is left").isEqualTo(1);
        harness.processElement(withId(TENANT, "e-1", EventType.EMAIL_OPENED, T0), millis(T0));
        assertThat(harness.extractOutputValues()).extracting(CrmEvent::eventId).containsExactly("e-1", "e-2", "e-1");
        assertThat(harness.getSideOutput(DedupeFunction.DUPLICATES)).hasSize(1);
    }

    /** Reads the dedupe state of one key straight from the operator's keyed state backend. */
    private Boolean markerOf(String tenant, String eventId) throws Exception {
        harness.getOperator().setCurrentKey(TenantKeys.of(tenant, eventId));
        ValueState<Boolean> state = harness.getOperator().getKeyedStateBackend().getPartitionedState(
                VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, DedupeFunction.stateDescriptor(TTL));
        return state.value();
    }

    @Test
    void refusesANonPositiveTtl() {
        assertThatThrownBy(() -> new DedupeFunction(Duration.ZERO, "crm.events")).hasMessageContaining("TTL");
    }
}
