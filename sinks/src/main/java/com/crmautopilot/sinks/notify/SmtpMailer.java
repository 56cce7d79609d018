package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends mail over a fixed number of SMTP connections, each owned by one sender thread and kept open between
 * messages (a new TCP and TLS handshake and login per mail would cost more than the mail). A connection that
 * failed is closed and opened again on its thread's next send. Jakarta Mail's socket timeouts bound every call.
 *
 * <p>Failures are classified by the SMTP reply: 5xx is permanent (no such mailbox, refused content), 4xx and
 * connection failures are transient. A rejected login is treated as transient, so fixing the credentials
 * while the job runs still delivers what is waiting.
 */
final class SmtpMailer implements AutoCloseable {

    private final SmtpSettings settings;
    private final Session session;
    private final String password;
    private final InternetAddress from;
    private final String domain;
    private final ExecutorService senders;
    private final ThreadLocal<Transport> connection = new ThreadLocal<>();
    private final List<Transport> opened = new ArrayList<>();

    SmtpMailer(SmtpSettings settings, String channel) {
        this.settings = settings;
        this.session = Session.getInstance(settings.sessionProperties());
        this.password = settings.authenticates() ? settings.resolvePassword() : null;
        this.from = settings.fromAddress();
        this.domain = settings.messageIdDomain();
        // Unbounded queue, bounded in practice: the async operator's capacity caps the notifications in flight.
        this.senders = new ThreadPoolExecutor(settings.connections(), settings.connections(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), RetryingDeliveryFunction.daemon("notify-" + channel + "-smtp"));
    }

    CompletableFuture<AttemptResult> send(Notification notification) {
        return CompletableFuture.supplyAsync(() -> sendNow(notification), senders);
    }

    private AttemptResult sendNow(Notification notification) {
        MimeMessage message;
        try {
            message = MailComposer.compose(session, notification, from, domain);
        } catch (AddressException e) {
            return AttemptResult.permanentFailure("bad recipient address: " + e.getMessage());
        } catch (MessagingException e) {
            return AttemptResult.permanentFailure("cannot build the message: " + e.getMessage());
        }
        try {
            Transport transport = connected();
            transport.sendMessage(message, message.getAllRecipients());
            return AttemptResult.delivered();
        } catch (MessagingException e) {
            disconnect();
            return classify(e);
        } catch (RuntimeException e) {
            disconnect();
            return AttemptResult.transientFailure(RetryingDeliveryFunction.describe(e));
        }
    }

    static AttemptResult classify(MessagingException error) {
        if (error instanceof AuthenticationFailedException) {
            return AttemptResult.transientFailure("SMTP login refused: " + error.getMessage());
        }
        for (Exception cause = error; cause != null;
             cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            int code = replyCode(cause);
            if (code >= 500) {
                return AttemptResult.permanentFailure("SMTP " + code + ": " + cause.getMessage());
            }
            if (code >= 400) {
                return AttemptResult.transientFailure("SMTP " + code + ": " + cause.getMessage());
            }
        }
        if (error instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            return AttemptResult.permanentFailure("invalid recipient: " + error.getMessage());
        }
        return AttemptResult.transientFailure(RetryingDeliveryFunction.describe(error));
    }

    private static int replyCode(Exception error) {
        if (error instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (error instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (error instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    private Transport connected() throws MessagingException {
        Transport transport = connection.get();
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        transport = session.getTransport(settings.protocol());
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.username(), password);
        } else {
            transport.connect();
        }
        connection.set(transport);
        synchronized (opened) {
            opened.add(transport);
        }
        return transport;
    }

    private void disconnect() {
        Transport transport = connection.get();
        connection.remove();
        if (transport != null) {
            synchronized (opened) {
                opened.remove(transport);
            }
            closeQuietly(transport);
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
        synchronized (opened) {
            opened.forEach(SmtpMailer::closeQuietly);
            opened.clear();
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Closing a broken connection: nothing left to do with it.
        }
    }
}
