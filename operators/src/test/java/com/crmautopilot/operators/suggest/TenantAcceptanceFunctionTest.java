package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.operators.testing.Harnesses;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.crmautopilot.operators.suggest.SuggestFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TenantAcceptanceFunctionTest {

    private KeyedOneInputStreamOperatorTestHarness<String, UserFeedback, TenantSignal> harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harnesses.keyed(new TenantAcceptanceFunction(Duration.ofDays(7), Duration.ofDays(30)),
                TenantAcceptanceFunction.byTenant());
        harness.setStateTtlProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void poolsTheTenantsAnswersPerTypeAsAbsoluteTotals() throws Exception {
        process(feedback("sg-1", TriggerType.HOT_LEAD, "accepted", T0));
        process(new UserFeedback("fb-2", TENANT, "user-02", "sg-2", "hot_lead", "dismissed", null, T0));
        process(new UserFeedback("fb-3", TENANT, "user-03", "sg-3", "hot_lead", "snoozed", null, T0));

        assertThat(harness.extractOutputValues()).containsExactly(
                TenantSignal.pooled(TENANT, "hot_lead", 1, 0),
                TenantSignal.pooled(TENANT, "hot_lead", 1, 1),
                TenantSignal.pooled(TENANT, "hot_lead", 1, 1.25));
    }

    @Test
    void aReplayedAnswerChangesNothingAndALaterOneReplacesIt() throws Exception {
        UserFeedback dismissed = feedback("sg-1", TriggerType.HOT_LEAD, "dismissed", T0);
        process(dismissed);
        process(dismissed);
        process(feedback("sg-1", TriggerType.HOT_LEAD, "accepted", hours(1)));

        assertThat(harness.extractOutputValues()).containsExactly(
                TenantSignal.pooled(TENANT, "hot_lead", 0, 1),
                TenantSignal.pooled(TENANT, "hot_lead", 1, 0));
    }

    @Test
    void feedbackReplayedAfterItsContributionExpiredIsNotPooledAgain() throws Exception {
        UserFeedback accepted = feedback("sg-1", TriggerType.HOT_LEAD, "accepted", T0);
        process(accepted);
        harness.setStateTtlProcessingTime(Duration.ofDays(8).toMillis());
        harness.processWatermark(days(8).toEpochMilli());

        process(accepted); // the topic replayed from the start, after the contribution expired
        process(feedback("sg-2", TriggerType.HOT_LEAD, "dismissed", days(8)));
        process(feedback("sg-3", TriggerType.HOT_LEAD, "accepted", days(2))); // late, but within the retention

        assertThat(harness.extractOutputValues()).containsExactly(
                TenantSignal.pooled(TENANT, "hot_lead", 1, 0),
                TenantSignal.pooled(TENANT, "hot_lead", 1, 1),
                TenantSignal.pooled(TENANT, "hot_lead", 2, 1));
    }

    @Test
    void itsStateExpiresAfterItsTtl() throws Exception {
        process(feedback("sg-1", TriggerType.HOT_LEAD, "accepted", T0));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.setStateTtlProcessingTime(Duration.ofDays(31).toMillis());

        harness.getOperator().setCurrentKey(TenantAcceptanceFunction.byTenant().getKey(
                feedback("sg-1", TriggerType.HOT_LEAD, "accepted", T0)));
        var backend = harness.getOperator().getKeyedStateBackend();
        assertThat(backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                TenantAcceptanceFunction.pooledDescriptor(Duration.ofDays(30))).value()).isNull();
        assertThat(backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                TenantAcceptanceFunction.contributionsDescriptor(Duration.ofDays(7))).get("sg-1")).isNull();
        assertThat(harness.numKeyedStateEntries()).as("reading the expired entries removed them").isZero();
    }

    private void process(UserFeedback feedback) throws Exception {
        harness.processElement(feedback, feedback.occurredAt().toEpochMilli());
    }
}
