package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.crmautopilot.sinks.notify.SlackReceiver.Answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async operator snapshots the notifications still in its queue and re-issues them on restore, even those
 * whose send completed just before the checkpoint. These tests take such a snapshot and restore it.
 */
class DeliveryRestoreTest {

    private static final RetryPolicy RETRIES =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0, 0.2, Duration.ofSeconds(20));

    private SlackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new SlackReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aNotificationDeliveredBeforeTheCheckpointIsNotSentAgainAfterRestore() throws Exception {
        Notification notification = TestNotifications.slack("sg-restore", receiver.url("/services/T1/B1/ok"));

        OperatorSubtaskState snapshot = snapshotAfterTheReceiverAnswered(notification);
        List<DeadLetter> afterRestore = restoreAndFinish(snapshot);

        assertThat(afterRestore).isEmpty();
        assertThat(receiver.requests()).as("sent once, before the checkpoint").hasSize(1);
    }

    @Test
    void aNotificationRejectedBeforeTheCheckpointIsDeadLetteredAgainAfterRestoreWithoutASecondRequest()
            throws Exception {
        receiver.answerAlways("/services/T1/B1/gone", Answer.status(404, "no_service"));
        Notification notification = TestNotifications.slack("sg-gone", receiver.url("/services/T1/B1/gone"));

        OperatorSubtaskState snapshot = snapshotAfterTheReceiverAnswered(notification);
        List<DeadLetter> afterRestore = restoreAndFinish(snapshot);

        assertThat(afterRestore).as("the restored queue re-issued it, and its outcome came back")
                .singleElement().satisfies(letter -> {
                    assertThat(letter.reason()).isEqualTo(DeadLetterReason.DELIVERY_REJECTED);
                    assertThat(letter.detail()).isEqualTo("HTTP 404: no_service");
                });
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aSendStillUnansweredAtTheCheckpointIsSentAgainAfterRestoreTheDocumentedWindow() throws Exception {
        receiver.script("/services/T1/B1/slow", Answer.hang(Duration.ofMillis(1_500)));
        Notification notification = TestNotifications.slack("sg-slow", receiver.url("/services/T1/B1/slow"));
        OperatorSubtaskState snapshot;
        try (var harness = harness(function())) {
            harness.open();
            harness.processElement(notification, 0);
            Thread.sleep(300); // the request is out, its answer is not
            snapshot = harness.snapshot(1L, 1L);
        }

        List<DeadLetter> afterRestore = restoreAndFinish(snapshot);

        assertThat(afterRestore).isEmpty();
        assertThat(receiver.awaitRequests(2, Duration.ofSeconds(5))).extracting(SlackReceiver.Request::notificationId)
                .containsExactly(notification.notificationId(), notification.notificationId());
        assertThat(receiver.delivered()).hasSize(1);
    }

    private OperatorSubtaskState snapshotAfterTheReceiverAnswered(Notification notification) throws Exception {
        SlackDeliveryFunction function = function();
        try (var harness = harness(function)) {
            harness.open();
            harness.processElement(notification, 0);
            // The function finished with it; the operator has not taken the result yet (its mailbox was not run).
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (function.counters().sent.getCount() + function.counters().deadLettered.getCount() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return harness.snapshot(1L, 1L);
        }
    }

    private List<DeadLetter> restoreAndFinish(OperatorSubtaskState snapshot) throws Exception {
        try (var restored = harness(function())) {
            restored.initializeState(snapshot);
            restored.open();
            restored.endInput();
            return restored.extractOutputValues();
        }
    }

    private static SlackDeliveryFunction function() {
        return new SlackDeliveryFunction(SlackSettings.forLoopbackTests(Duration.ofSeconds(5), 50), RETRIES);
    }

    private static OneInputStreamOperatorTestHarness<Notification, DeadLetter> harness(SlackDeliveryFunction function)
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function, 60_000, 10, AsyncDataStream.OutputMode.UNORDERED),
                TypeInformation.of(Notification.class).createSerializer(new SerializerConfigImpl()));
    }
}
