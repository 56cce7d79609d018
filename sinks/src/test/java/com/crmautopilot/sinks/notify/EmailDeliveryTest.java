package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail through a real SMTP server (GreenMail), immediate and digest, and an SMTP server that comes up late. */
class EmailDeliveryTest {

    private static final String FROM = "CRM Autopilot <autopilot@example.com>";
    private static final String USER = "bot";
    private static final String PASSWORD = "s3cret";
    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 2.0, 0.2, Duration.ofSeconds(30));

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("autopilot@example.com", USER, PASSWORD));

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void sendsAnImmediateMailWithPlainTextAndTheEscapedHtmlIntactUnderItsNotificationsMessageId() throws Exception {
        Notification notification = TestNotifications.email("sg-immediate", "dana@example.com");
        EmailDeliveryFunction function = DirectCalls.opened(new EmailDeliveryFunction("email", smtp(), FAST_RETRIES));
        try {
            assertThat(DirectCalls.invoke(function, notification).get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(function.counters().sent.getCount()).isEqualTo(1);
        } finally {
            function.close();
        }

        MimeMessage mail = onlyMail();
        assertThat(mail.getMessageID()).isEqualTo("<" + notification.notificationId() + "@example.com>");
        assertThat(mail.getHeader(MailComposer.NOTIFICATION_ID_HEADER, null)).isEqualTo(notification.notificationId());
        assertThat(mail.getSubject()).isEqualTo("Follow up with Acme");
        assertThat(mail.getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("dana@example.com");
        assertAlternativeParts(mail, TestNotifications.TEXT, TestNotifications.ESCAPED_HTML);
    }

    @Test
    void sendsADigestWithBothPartsGroupedAsRendered() throws Exception {
        Notification digest = TestNotifications.digest("2026-03-02", "dana@example.com");
        EmailDeliveryFunction function = DirectCalls.opened(new EmailDeliveryFunction("digest", smtp(), FAST_RETRIES));
        try {
            assertThat(DirectCalls.invoke(function, digest).get(30, TimeUnit.SECONDS)).isEmpty();
        } finally {
            function.close();
        }

        MimeMessage mail = onlyMail();
        assertThat(mail.getSubject()).isEqualTo("Your suggestions for 2026-03-02");
        assertThat(mail.getMessageID()).isEqualTo("<" + digest.notificationId() + "@example.com>");
        assertAlternativeParts(mail, digest.textBody(), digest.markupBody());
        assertThat(digest.markupBody()).contains("&lt;script&gt;");
    }

    @Test
    void sendsSeveralMailsOverItsKeptConnections() throws Exception {
        EmailDeliveryFunction function = DirectCalls.opened(new EmailDeliveryFunction("email", smtp(), FAST_RETRIES));
        try {
            List<java.util.concurrent.CompletableFuture<List<DeadLetter>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(DirectCalls.invoke(function, TestNotifications.email("sg-many-" + i, "dana@example.com")));
            }
            for (var result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            function.close();
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(10);
    }

    @Test
    void aMalformedRecipientIsDeadLetteredWithoutTryingToSend() throws Exception {
        Notification notification = TestNotifications.email("sg-bad-address", "dana at example");
        EmailDeliveryFunction function = DirectCalls.opened(new EmailDeliveryFunction("email", smtp(), FAST_RETRIES));
        try {
            List<DeadLetter> letters = DirectCalls.invoke(function, notification).get(30, TimeUnit.SECONDS);

            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo(DeadLetterReason.DELIVERY_REJECTED);
                assertThat(letter.detail()).startsWith("bad recipient address");
                assertThat(letter.sourceTopic()).isEqualTo("ai.notifications.email");
            });
            assertThat(function.counters().deadLettered.getCount()).isEqualTo(1);
        } finally {
            function.close();
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void neverSendsInTheClearWhenStartTlsIsRequiredAndTheServerDoesNotOfferIt() throws Exception {
        SmtpSettings plain = smtp();
        SmtpSettings startTls = new SmtpSettings(plain.host(), plain.port(), SmtpSettings.Security.STARTTLS,
                plain.username(), plain.password(), "", FROM, Duration.ofSeconds(2), Duration.ofSeconds(2), 1);
        EmailDeliveryFunction function = DirectCalls.opened(new EmailDeliveryFunction("email", startTls,
                new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(200), 2.0, 0.0, Duration.ofMillis(600))));
        try {
            List<DeadLetter> letters = DirectCalls.invoke(function,
                    TestNotifications.email("sg-tls", "dana@example.com")).get(30, TimeUnit.SECONDS);

            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo(DeadLetterReason.DELIVERY_FAILED);
                assertThat(letter.detail()).contains("STARTTLS is required");
            });
        } finally {
            function.close();
        }
        assertThat(SMTP.getReceivedMessages()).as("nothing went in the clear").isEmpty();
    }

    @Test
    void anSmtpServerThatIsDownWhenTheJobStartsGetsTheMailOnceItComesUp() throws Exception {
        int port = freePort();
        Notification notification = TestNotifications.email("sg-late-server", "dana@example.com");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                NotificationSinksTest.jobConfiguration());
        DataStream<Notification> notifications = env.fromData(List.of(notification),
                TypeInformation.of(Notification.class)).uid("notifications").name("notifications");
        DataStream<DeadLetter> deadLetters = AsyncDataStream.unorderedWait(notifications,
                new EmailDeliveryFunction("email", SmtpSettings.plain("127.0.0.1", port, FROM), FAST_RETRIES),
                60, TimeUnit.SECONDS, 10).uid(DeliveryUids.EMAIL).name("send immediate mail (SMTP)");
        DataStream.Collector<DeadLetter> collected = new DataStream.Collector<>();
        deadLetters.collectAsync(collected);

        JobClient job = env.executeAsync("smtp-down-then-up");
        GreenMail lateServer = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (job.getJobStatus().get() != JobStatus.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1_500); // several attempts against the closed port
            assertThat(job.getJobStatus().get()).as("still retrying").isEqualTo(JobStatus.RUNNING);
            assertThat(lateServer.getReceivedMessages()).isEmpty();

            lateServer.start();
            List<DeadLetter> letters = drain(collected);
            job.getJobExecutionResult().get(60, TimeUnit.SECONDS);

            assertThat(letters).isEmpty();
            assertThat(lateServer.getReceivedMessages()).as("arrived, and once").hasSize(1);
            assertThat(lateServer.getReceivedMessages()[0].getMessageID())
                    .isEqualTo("<" + notification.notificationId() + "@example.com>");
        } finally {
            lateServer.stop();
        }
    }

    private static SmtpSettings smtp() {
        return SmtpSettings.plain("127.0.0.1", SMTP.getSmtp().getPort(), FROM).withAuth(USER, PASSWORD);
    }

    private static MimeMessage onlyMail() {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static void assertAlternativeParts(MimeMessage mail, String text, String html) throws Exception {
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart plain = parts.getBodyPart(0);
        BodyPart markup = parts.getBodyPart(1);
        assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(markup.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        // SMTP carries lines as CRLF: the text is intact up to the line ends.
        assertThat(((String) plain.getContent()).replace("\r\n", "\n")).isEqualTo(text);
        assertThat(markup.getContent()).isEqualTo(html);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static <T> List<T> drain(DataStream.Collector<T> collector) throws Exception {
        List<T> values = new ArrayList<>();
        try (CloseableIterator<T> output = collector.getOutput()) {
            output.forEachRemaining(values::add);
        }
        return values;
    }
}
