package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.crmautopilot.sinks.notify.SlackReceiver.Answer;
import static org.assertj.core.api.Assertions.assertThat;

/** The Slack sender against a real local HTTP receiver that misbehaves on purpose. */
class SlackDeliveryFunctionTest {

    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0, 0.2, Duration.ofSeconds(20));
    /** Generous for a loaded 2-core machine: a normal answer that timed out would be a real duplicate. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1_500);

    private SlackReceiver receiver;
    private SlackDeliveryFunction function;

    @BeforeEach
    void start() throws Exception {
        receiver = new SlackReceiver();
        function = DirectCalls.opened(new SlackDeliveryFunction(
                SlackSettings.forLoopbackTests(REQUEST_TIMEOUT, 50), FAST_RETRIES));
    }

    @AfterEach
    void stop() throws Exception {
        function.close();
        receiver.close();
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryNotificationExactlyOnce() throws Exception {
        receiver.script("/services/T1/B1/flaky", Answer.status(500, "internal_error"), Answer.tooManyRequests(1),
                Answer.hang(Duration.ofMillis(3_000)), Answer.status(503, "unavailable"));
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notifications.add(TestNotifications.slack("sg-flaky-" + i, receiver.url("/services/T1/B1/flaky")));
        }

        List<CompletableFuture<List<DeadLetter>>> results = notifications.stream()
                .map(notification -> DirectCalls.invoke(function, notification)).toList();

        for (CompletableFuture<List<DeadLetter>> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).as("no dead letter").isEmpty();
        }
        Map<String, Long> deliveredById = receiver.delivered().stream()
                .collect(Collectors.groupingBy(SlackReceiver.Request::notificationId, Collectors.counting()));
        assertThat(deliveredById).as("every notification arrived exactly once")
                .containsOnlyKeys(notifications.stream().map(Notification::notificationId).toList())
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        assertThat(receiver.awaitRequests(8 + 4, Duration.ofSeconds(10))).as("four failed answers were retried")
                .hasSize(8 + 4);
        assertThat(function.counters().sent.getCount()).isEqualTo(8);
        assertThat(function.counters().retried.getCount()).isEqualTo(4);
        assertThat(function.counters().deadLettered.getCount()).isZero();
    }

    @Test
    void waitsForRetryAfterBeforeSendingToARateLimitedWebhookAgain() throws Exception {
        receiver.script("/services/T1/B1/limited", Answer.tooManyRequests(1));
        Notification notification = TestNotifications.slack("sg-limited", receiver.url("/services/T1/B1/limited"));

        assertThat(DirectCalls.invoke(function, notification).get(30, TimeUnit.SECONDS)).isEmpty();

        List<SlackReceiver.Request> requests = receiver.requests();
        assertThat(requests).extracting(SlackReceiver.Request::answered).containsExactly(429, 200);
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos());
        assertThat(gapMillis).as("Retry-After: 1 is honoured, not the 100 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    void pacesMessagesToOneWebhookAtItsRateLimit() throws Exception {
        SlackDeliveryFunction paced = DirectCalls.opened(new SlackDeliveryFunction(
                SlackSettings.forLoopbackTests(REQUEST_TIMEOUT, 4), FAST_RETRIES));
        try {
            List<CompletableFuture<List<DeadLetter>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(DirectCalls.invoke(paced, TestNotifications.slack("sg-paced-" + i,
                        receiver.url("/services/T1/B1/paced"))));
            }
            for (CompletableFuture<List<DeadLetter>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            paced.close();
        }
        List<Long> arrivals = receiver.requests().stream().map(SlackReceiver.Request::arrivedNanos).sorted().toList();
        long spanMillis = TimeUnit.NANOSECONDS.toMillis(arrivals.get(3) - arrivals.get(0));
        assertThat(spanMillis).as("4 messages at 4/s with a burst of 1 take about 750 ms").isGreaterThanOrEqualTo(650);
    }

    @Test
    void aPermanentRefusalGoesToDeadLetterWithTheStatusAndIsNotRetried() throws Exception {
        receiver.answerAlways("/services/T1/B1/gone", Answer.status(404, "no_service"));
        receiver.answerAlways("/services/T1/B1/bad", Answer.status(400, "invalid_payload"));
        Notification gone = TestNotifications.slack("sg-gone", receiver.url("/services/T1/B1/gone"));
        Notification bad = TestNotifications.slack("sg-bad", receiver.url("/services/T1/B1/bad"));

        DeadLetter goneLetter = single(DirectCalls.invoke(function, gone).get(30, TimeUnit.SECONDS));
        DeadLetter badLetter = single(DirectCalls.invoke(function, bad).get(30, TimeUnit.SECONDS));

        assertThat(goneLetter.reason()).isEqualTo(DeadLetterReason.DELIVERY_REJECTED);
        assertThat(goneLetter.detail()).isEqualTo("HTTP 404: no_service");
        assertThat(badLetter.reason()).isEqualTo(DeadLetterReason.DELIVERY_REJECTED);
        assertThat(badLetter.detail()).isEqualTo("HTTP 400: invalid_payload");
        assertThat(goneLetter.eventId()).isEqualTo(gone.notificationId());
        assertThat(goneLetter.sourceTopic()).isEqualTo("ai.notifications.slack");
        assertThat(Json.read(goneLetter.originalBytes(), Notification.class)).isEqualTo(gone);
        assertThat(receiver.requests()).as("one request each, no retry").hasSize(2);
        assertThat(function.counters().deadLettered.getCount()).isEqualTo(2);
        assertThat(function.counters().retried.getCount()).isZero();
    }

    @Test
    void aFailureThatOutlastsTheRetryBudgetIsDeadLetteredAsFailed() throws Exception {
        receiver.answerAlways("/services/T1/B1/down", Answer.status(503, "unavailable"));
        SlackDeliveryFunction impatient = DirectCalls.opened(new SlackDeliveryFunction(
                SlackSettings.forLoopbackTests(REQUEST_TIMEOUT, 50),
                new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(200), 2.0, 0.0, Duration.ofMillis(900))));
        try {
            DeadLetter letter = single(DirectCalls.invoke(impatient,
                    TestNotifications.slack("sg-down", receiver.url("/services/T1/B1/down"))).get(30, TimeUnit.SECONDS));

            assertThat(letter.reason()).isEqualTo(DeadLetterReason.DELIVERY_FAILED);
            assertThat(letter.detail()).startsWith("gave up after ").endsWith("last: HTTP 503: unavailable");
            assertThat(impatient.counters().retried.getCount()).isPositive();
            assertThat(impatient.counters().deadLettered.getCount()).isEqualTo(1);
        } finally {
            impatient.close();
        }
    }

    @Test
    void refusesUrlsOffTheAllowlistOrNotHttpsWithoutAnyRequest() throws Exception {
        SlackDeliveryFunction guarded = DirectCalls.opened(new SlackDeliveryFunction(SlackSettings.defaults(),
                FAST_RETRIES));
        try {
            List<String> urls = List.of(
                    receiver.url("/services/T1/B1/internal"),
                    "http://hooks.slack.com/services/T1/B1/x",
                    "https://hooks.slack.com.evil.example/services/T1/B1/x",
                    "https://metadata.internal/latest/meta-data",
                    "https://user@hooks.slack.com/services/T1/B1/x",
                    "not a url");
            Function<String, DeadLetter> refusal = url -> {
                try {
                    return single(DirectCalls.invoke(guarded, TestNotifications.slack("sg-" + url.hashCode(), url))
                            .get(5, TimeUnit.SECONDS));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            List<DeadLetter> letters = urls.stream().map(refusal).toList();

            assertThat(letters).extracting(DeadLetter::reason).containsOnly(DeadLetterReason.DESTINATION_NOT_ALLOWED);
            assertThat(letters.get(0).detail()).contains("https");
            assertThat(letters.get(2).detail()).contains("not on the allowlist");
            assertThat(receiver.requests()).as("no request left the job").isEmpty();
            assertThat(guarded.counters().deadLettered.getCount()).isEqualTo(urls.size());
        } finally {
            guarded.close();
        }
    }

    @Test
    void postsTheFallbackTextAndTheMrkdwnBlockAsSlackExpects() throws Exception {
        Notification notification = TestNotifications.slack("sg-body", receiver.url("/services/T1/B1/body"));

        assertThat(DirectCalls.invoke(function, notification).get(30, TimeUnit.SECONDS)).isEmpty();

        JsonNode body = Json.newMapper().readTree(receiver.requests().get(0).body());
        assertThat(body.get("text").asText()).isEqualTo("Follow up with Acme");
        JsonNode section = body.get("blocks").get(0);
        assertThat(section.get("type").asText()).isEqualTo("section");
        assertThat(section.get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(section.get("text").get("text").asText()).isEqualTo(notification.markupBody());
    }

    @Test
    void remembersWhatItFinishedOnlyForTheAcknowledgementRetention() throws Exception {
        Notification notification = TestNotifications.slack("sg-remembered", receiver.url("/services/T1/B1/ok"));
        assertThat(DirectCalls.invoke(function, notification).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(function.acknowledgementsKept()).isEqualTo(1);

        function.forgetAcknowledgementsOlderThanRetention(System.currentTimeMillis());
        assertThat(function.acknowledgementsKept()).as("still within its retention").isEqualTo(1);

        function.forgetAcknowledgementsOlderThanRetention(System.currentTimeMillis()
                + RetryingDeliveryFunction.ACKNOWLEDGEMENT_RETENTION.toMillis() + 1_000);
        assertThat(function.acknowledgementsKept()).as("gone after it").isZero();
    }

    private static DeadLetter single(List<DeadLetter> letters) {
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }
}
