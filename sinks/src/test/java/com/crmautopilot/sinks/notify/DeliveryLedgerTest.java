package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryLedgerTest {

    private static final Duration RETENTION = Duration.ofDays(7);

    private KeyedOneInputStreamOperatorTestHarness<String, Notification, Notification> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesTheFirstCopyOfANotificationAndDropsTheRest() throws Exception {
        Notification mail = TestNotifications.email("sg-1", "dana@example.com");

        harness.processElement(mail, 0);
        harness.processElement(mail, 1);
        harness.processElement(TestNotifications.withChannel(mail, "email"), 2);

        assertThat(harness.extractOutputValues()).containsExactly(mail);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void aReplayAfterRestoringTheLedgerDoesNotHandOverWhatWasAlreadyHandedOver() throws Exception {
        Notification sent = TestNotifications.email("sg-sent", "dana@example.com");
        Notification slack = TestNotifications.slack("sg-sent", "https://hooks.slack.com/services/T/B/x");
        harness.processElement(sent, 0);
        harness.processElement(slack, 0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        Notification fresh = TestNotifications.email("sg-fresh", "dana@example.com");
        harness.processElement(sent, 10);   // the upstream replays from before the failure
        harness.processElement(slack, 10);
        harness.processElement(fresh, 11);

        assertThat(harness.extractOutputValues()).as("only the new one goes on").containsExactly(fresh);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
    }

    @Test
    void theSameNotificationIdInAnotherTenantIsItsOwn() throws Exception {
        Notification ours = TestNotifications.inapp("sg-1", "u-dana");
        Notification theirs = new Notification(ours.notificationId(), "t-globex", "u-dana", ours.channel(),
                ours.suggestionIds(), ours.priority(), ours.subject(), ours.textBody(), ours.markupBody(),
                ours.recipient(), ours.notBefore(), ours.createdAt());

        harness.processElement(ours, 0);
        harness.processElement(theirs, 0);

        assertThat(harness.extractOutputValues()).containsExactly(ours, theirs);
    }

    @Test
    void forgetsAnIdOnceItsRetentionHasPassedAndItsStateIsGone() throws Exception {
        Notification mail = TestNotifications.email("sg-old", "dana@example.com");
        harness.setStateTtlProcessingTime(0);
        harness.processElement(mail, 0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.setStateTtlProcessingTime(RETENTION.toMillis() - 1);
        harness.processElement(mail, 1);
        assertThat(harness.extractOutputValues()).as("still remembered").hasSize(1);

        harness.setStateTtlProcessingTime(RETENTION.toMillis() + 1);
        assertThat(markerOf(mail)).as("expired markers are never returned").isNull();
        assertThat(harness.numKeyedStateEntries()).as("and reading it removed it").isZero();
    }

    @Test
    void refusesANonPositiveRetention() {
        assertThatThrownBy(() -> new DeliveryLedger(Duration.ZERO)).hasMessageContaining("retention");
    }

    private Boolean markerOf(Notification notification) throws Exception {
        harness.getOperator().setCurrentKey(DeliveryLedger.key(notification));
        ValueState<Boolean> state = harness.getOperator().getKeyedStateBackend().getPartitionedState(
                VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, DeliveryLedger.stateDescriptor(RETENTION));
        return state.value();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Notification, Notification> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeliveryLedger(RETENTION)), DeliveryLedger::key, Types.STRING);
    }
}
