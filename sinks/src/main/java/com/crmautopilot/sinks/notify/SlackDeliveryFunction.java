package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Posts notifications to Slack incoming webhooks with {@link HttpClient}: refused upfront by the
 * {@link WebhookUrlGuard} unless the URL is https on an allowed host; paced by a token bucket per webhook URL;
 * redirects never followed; each request bounded by the request timeout.
 *
 * <p>Answers: 2xx delivered. 429 waits for {@code Retry-After} (and pauses the whole webhook that long), 408 and
 * 5xx and network errors and timeouts retry with backoff, all within the retry budget. Every other status (400
 * {@code invalid_payload}, 403 {@code action_prohibited}, 404 {@code no_service}, 410 {@code channel_is_archived},
 * a 3xx) is permanent: dead-lettered at once with the status and the start of Slack's answer.
 */
public final class SlackDeliveryFunction extends RetryingDeliveryFunction {

    /** Sent with every request, so a receiver (or a test) can tell re-sends of one notification apart. */
    static final String NOTIFICATION_ID_HEADER = "X-Autopilot-Notification-Id";
    private static final int MAX_ERROR_BODY = 300;

    private final SlackSettings slack;

    private transient WebhookUrlGuard guard;
    private transient WebhookRateLimiter rateLimiter;
    private transient ExecutorService httpThreads;
    private transient HttpClient client;

    public SlackDeliveryFunction(SlackSettings slack, RetryPolicy retry) {
        super("slack", retry);
        this.slack = Objects.requireNonNull(slack, "slack");
    }

    @Override
    void openChannel() {
        guard = slack.urlGuard();
        rateLimiter = new WebhookRateLimiter(slack.permitsPerSecond(), slack.burst(), System::nanoTime);
        httpThreads = Executors.newFixedThreadPool(2, daemon("notify-slack-http"));
        client = HttpClient.newBuilder()
                .connectTimeout(slack.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
                .build();
    }

    @Override
    void closeChannel() {
        if (httpThreads != null) {
            httpThreads.shutdownNow();
        }
    }

    @Override
    Optional<DeadLetter> refuseUpfront(Notification notification) {
        return guard.check(notification.recipient()).refusalReason().map(reason -> NotificationDeadLetters.of(
                notification, DeadLetterReason.DESTINATION_NOT_ALLOWED, reason));
    }

    @Override
    CompletableFuture<AttemptResult> attempt(Notification notification, int attemptNumber) {
        URI uri = guard.check(notification.recipient()).uri();
        String url = uri.toString();
        long waitNanos = rateLimiter.reserve(url);
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        Runnable post = () -> post(notification, uri).whenComplete((answer, error) -> {
            if (error != null) {
                result.complete(AttemptResult.transientFailure(describe(error)));
            } else {
                result.complete(answer);
            }
        });
        if (waitNanos <= 0) {
            post.run();
        } else {
            timer().schedule(post, waitNanos, TimeUnit.NANOSECONDS);
        }
        return result;
    }

    private CompletableFuture<AttemptResult> post(Notification notification, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(slack.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(NOTIFICATION_ID_HEADER, notification.notificationId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(SlackPayload.of(notification)))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> answer(uri.toString(), response));
    }

    private AttemptResult answer(String url, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        String body = startOf(response.body());
        if (status >= 200 && status < 300) {
            return AttemptResult.delivered();
        }
        String detail = "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
        if (status == 429) {
            Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                    .orElse(Duration.ZERO);
            rateLimiter.pause(url, wait.toNanos());
            return AttemptResult.transientFailure(detail, wait);
        }
        if (status == 408 || status >= 500) {
            return AttemptResult.transientFailure(detail);
        }
        return AttemptResult.permanentFailure(detail);
    }

    /** The start of an answer's body, for the dead letter; the rest is never read. */
    private static String startOf(InputStream body) {
        try (InputStream in = body) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
