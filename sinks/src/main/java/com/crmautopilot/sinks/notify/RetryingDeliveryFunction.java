package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.logging.ThrottledWarnings;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends each notification on its channel, retrying what may pass with backoff until the {@link RetryPolicy}'s
 * budget is spent. Its output is the dead letters: nothing for a delivered notification, one dead letter for a
 * notification refused for good ({@code delivery_rejected}, {@code destination_not_allowed}) or given up on
 * ({@code delivery_failed}).
 *
 * <p>Retries happen inside the function rather than through Flink's {@code AsyncRetryStrategy}, because the wait
 * depends on the answer (a 429's {@code Retry-After}) and on other messages to the same destination (its rate
 * limit), which a strategy that sees only the attempt count cannot know. The task thread never blocks: attempts
 * and waits run on the channel's own threads, and the async operator's capacity bounds how many notifications are
 * in flight (the stream is back-pressured beyond it, so nothing is dropped while a channel is down).
 *
 * <p>Restores do not re-send what was acknowledged before the checkpoint. Flink's async operator snapshots the
 * notifications still in its queue and re-issues them on restore, including those whose send had already
 * completed but whose (empty) result the operator had not yet taken. So the function also snapshots the ids it
 * finished recently ({@link Acknowledgement}s, in union state so that whichever subtask gets a re-issued
 * notification after rescaling knows of it): a re-issued id that was delivered emits nothing again, one that was
 * dead-lettered emits its dead letter again, and neither is sent again. Only a send whose answer had not arrived by
 * the checkpoint is re-sent, since its outcome is unknown.
 */
abstract class RetryingDeliveryFunction extends RichAsyncFunction<Notification, DeadLetter>
        implements CheckpointedFunction {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RetryingDeliveryFunction.class);

    /**
     * How long a finished id is remembered. In unordered mode a finished notification leaves the queue as soon as the
     * task thread takes its result (milliseconds, seconds under backpressure), so minutes are ample, and the union
     * state stays as small as the sends of those minutes.
     */
    static final Duration ACKNOWLEDGEMENT_RETENTION = Duration.ofMinutes(2);

    private final String channel;
    private final RetryPolicy retry;

    private transient ScheduledExecutorService timer;
    private transient Map<ResultFuture<DeadLetter>, Delivery> inFlight;
    private transient DeliveryCounters counters;
    private transient ThrottledWarnings retryWarnings;
    private transient Map<String, Acknowledgement> acknowledged;
    private transient ListState<Acknowledgement> acknowledgedState;

    RetryingDeliveryFunction(String channel, RetryPolicy retry) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Opens the channel's client (connections, threads). */
    abstract void openChannel() throws Exception;

    abstract void closeChannel() throws Exception;

    /** Why this notification can never be sent (a malformed or forbidden destination), without trying. */
    abstract Optional<DeadLetter> refuseUpfront(Notification notification);

    /** One send attempt; it must not block the calling thread. */
    abstract CompletableFuture<AttemptResult> attempt(Notification notification, int attemptNumber);

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        acknowledged = new ConcurrentHashMap<>();
        acknowledgedState = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>(
                "acknowledged-notifications", TypeInformation.of(Acknowledgement.class)));
        if (context.isRestored()) {
            long oldest = System.currentTimeMillis() - ACKNOWLEDGEMENT_RETENTION.toMillis();
            for (Acknowledgement acknowledgement : acknowledgedState.get()) {
                if (acknowledgement.finishedAtMillis() >= oldest) {
                    acknowledged.put(acknowledgement.notificationId(), acknowledgement);
                }
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        forgetAcknowledgementsOlderThanRetention(System.currentTimeMillis());
        acknowledgedState.update(new ArrayList<>(acknowledged.values()));
    }

    void forgetAcknowledgementsOlderThanRetention(long nowMillis) {
        long oldest = nowMillis - ACKNOWLEDGEMENT_RETENTION.toMillis();
        acknowledged.values().removeIf(acknowledgement -> acknowledgement.finishedAtMillis() < oldest);
    }

    int acknowledgementsKept() {
        return acknowledged.size();
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (acknowledged == null) {
            acknowledged = new ConcurrentHashMap<>(); // used without a state backend (direct calls in tests)
        }
        timer = Executors.newSingleThreadScheduledExecutor(daemon("notify-" + channel + "-retry"));
        inFlight = new ConcurrentHashMap<>();
        counters = new DeliveryCounters(getRuntimeContext().getMetricGroup(), channel);
        // During an outage every notification retries; the retried counter has them all, the log one a minute.
        retryWarnings = new ThrottledWarnings(LOG, Duration.ofMinutes(1));
        openChannel();
    }

    @Override
    public void close() throws Exception {
        if (timer != null) {
            timer.shutdownNow();
        }
        closeChannel();
    }

    @Override
    public void asyncInvoke(Notification notification, ResultFuture<DeadLetter> resultFuture) {
        Acknowledgement done = acknowledged.get(notification.notificationId());
        if (done != null) {
            // Re-issued from the operator's snapshot after it was acknowledged: repeat the outcome, not the send.
            resultFuture.complete(done.reason() == null ? List.of() : List.of(NotificationDeadLetters.of(
                    notification, DeadLetterReason.valueOf(done.reason()), done.detail())));
            return;
        }
        Optional<DeadLetter> refusal = refuseUpfront(notification);
        if (refusal.isPresent()) {
            counters.deadLettered.inc();
            resultFuture.complete(List.of(refusal.get()));
            return;
        }
        Delivery delivery = new Delivery(notification, resultFuture, System.nanoTime() + retry.giveUpAfter().toNanos());
        inFlight.put(resultFuture, delivery);
        delivery.start();
    }

    /** The async operator's own timeout, a backstop past the retry budget: give up on it as a failed delivery. */
    @Override
    public void timeout(Notification notification, ResultFuture<DeadLetter> resultFuture) {
        Delivery delivery = inFlight.get(resultFuture);
        String detail = "no answer within the delivery timeout";
        if (delivery != null) {
            delivery.finish(NotificationDeadLetters.of(notification, DeadLetterReason.DELIVERY_FAILED,
                    detail + " after " + delivery.attempts + " attempts; last: " + delivery.lastError));
        } else {
            counters.deadLettered.inc();
            resultFuture.complete(List.of(NotificationDeadLetters.of(notification, DeadLetterReason.DELIVERY_FAILED,
                    detail)));
        }
    }

    DeliveryCounters counters() {
        return counters;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One notification's way through its attempts. */
    private final class Delivery {
        private final Notification notification;
        private final ResultFuture<DeadLetter> resultFuture;
        private final long deadlineNanos;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile int attempts;
        private volatile String lastError = "";

        Delivery(Notification notification, ResultFuture<DeadLetter> resultFuture, long deadlineNanos) {
            this.notification = notification;
            this.resultFuture = resultFuture;
            this.deadlineNanos = deadlineNanos;
        }

        void start() {
            if (finished.get()) {
                return;
            }
            attempts++;
            CompletableFuture<AttemptResult> result;
            try {
                result = attempt(notification, attempts);
            } catch (RuntimeException e) {
                result = CompletableFuture.completedFuture(AttemptResult.transientFailure(describe(e)));
            }
            result.whenComplete((answer, error) -> onAnswer(error == null ? answer
                    : AttemptResult.transientFailure(describe(error))));
        }

        private void onAnswer(AttemptResult answer) {
            switch (answer.kind()) {
                case DELIVERED -> finish(null);
                case PERMANENT -> finish(NotificationDeadLetters.of(notification, DeadLetterReason.DELIVERY_REJECTED,
                        answer.detail()));
                case TRANSIENT -> retryLater(answer);
            }
        }

        private void retryLater(AttemptResult answer) {
            lastError = answer.detail();
            Duration backoff = retry.backoff(attempts, ThreadLocalRandom.current().nextDouble());
            Duration wait = answer.retryAfter().compareTo(backoff) > 0 ? answer.retryAfter() : backoff;
            if (System.nanoTime() + wait.toNanos() > deadlineNanos) {
                finish(NotificationDeadLetters.of(notification, DeadLetterReason.DELIVERY_FAILED,
                        "gave up after " + attempts + " attempts within " + retry.giveUpAfter() + "; last: "
                                + answer.detail()));
                return;
            }
            counters.retried.inc();
            retryWarnings.warn("{} notification {} attempt {} failed, retrying in {}: {}", channel,
                    notification.notificationId(), attempts, wait, answer.detail());
            try {
                timer.schedule(this::start, wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // The function is closing (cancel or failover): the async operator's checkpointed queue re-issues it.
            }
        }

        /** Completes once; returns whether this call did. */
        boolean finish(DeadLetter deadLetter) {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            inFlight.remove(resultFuture);
            acknowledged.put(notification.notificationId(), new Acknowledgement(notification.notificationId(),
                    deadLetter == null ? null : deadLetter.reason().name(),
                    deadLetter == null ? null : deadLetter.detail(), System.currentTimeMillis()));
            if (deadLetter == null) {
                counters.sent.inc();
                resultFuture.complete(List.of());
            } else {
                counters.deadLettered.inc();
                resultFuture.complete(List.of(deadLetter));
            }
            return true;
        }
    }

    static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
