package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.time.Instant;
import java.util.Date;

/**
 * Builds the MIME message of a mail notification: {@code multipart/alternative} with the plain text first and the
 * HTML last (mail readers show the last part they can render), both UTF-8. The HTML is sent exactly as the
 * notification carries it: entity names were escaped when it was rendered, and escaping again would show
 * {@code &amp;lt;} to the reader.
 *
 * <p>The {@code Message-ID} is derived from the notification id ({@code <nt-...@sender-domain>}), so a re-send
 * after a failover carries the same id as the first send: mail clients and archives can recognise, and many
 * collapse, the duplicate.
 */
final class MailComposer {

    static final String NOTIFICATION_ID_HEADER = "X-Autopilot-Notification-Id";

    private MailComposer() {
    }

    /** The recipient's address, strictly parsed; an {@link AddressException} is a permanent failure. */
    static InternetAddress recipient(Notification notification) throws AddressException {
        if (notification.recipient() == null || notification.recipient().isBlank()) {
            throw new AddressException("no recipient address");
        }
        InternetAddress address = new InternetAddress(notification.recipient().trim(), true);
        address.validate();
        return address;
    }

    static String messageId(Notification notification, String domain) {
        return "<" + notification.notificationId() + "@" + domain + ">";
    }

    static MimeMessage compose(Session session, Notification notification, InternetAddress from, String domain)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(notification, domain));
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, recipient(notification));
        message.setSubject(notification.subject() == null ? "" : notification.subject(), "UTF-8");
        Instant created = notification.createdAt() == null ? Instant.now() : notification.createdAt();
        message.setSentDate(Date.from(created));
        message.setHeader(NOTIFICATION_ID_HEADER, notification.notificationId());

        String text = notification.textBody() == null ? "" : notification.textBody();
        if (notification.markupBody() == null || notification.markupBody().isBlank()) {
            message.setText(text, "UTF-8", "plain");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(notification.markupBody(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    /** A message whose {@code Message-ID} is ours, not the random one Jakarta Mail sets on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
