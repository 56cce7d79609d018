package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;
import jakarta.mail.internet.AddressException;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends immediate mails and daily digests through SMTP (one instance per channel, so each has its own metrics).
 * A notification without markup goes as plain text alone.
 */
public final class EmailDeliveryFunction extends RetryingDeliveryFunction {

    private final SmtpSettings smtp;
    private final String channel;

    private transient SmtpMailer mailer;

    /**
     * @param channel {@code email} or {@code digest}: names the metrics and threads
     */
    public EmailDeliveryFunction(String channel, SmtpSettings smtp, RetryPolicy retry) {
        super(channel, retry);
        this.channel = channel;
        this.smtp = Objects.requireNonNull(smtp, "smtp");
    }

    @Override
    void openChannel() {
        mailer = new SmtpMailer(smtp, channel);
    }

    @Override
    void closeChannel() {
        if (mailer != null) {
            mailer.close();
        }
    }

    @Override
    Optional<DeadLetter> refuseUpfront(Notification notification) {
        try {
            MailComposer.recipient(notification);
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of(NotificationDeadLetters.of(notification, DeadLetterReason.DELIVERY_REJECTED,
                    "bad recipient address: " + e.getMessage()));
        }
    }

    @Override
    CompletableFuture<AttemptResult> attempt(Notification notification, int attemptNumber) {
        return mailer.send(notification);
    }
}
