package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.SuggestionIds;

import java.time.Instant;
import java.util.List;

/** Notifications for tests, one factory per channel, with ids derived the way the engine derives them. */
final class TestNotifications {

    static final String TENANT = "t-acme";
    static final Instant CREATED = Instant.parse("2026-03-02T09:15:00Z");
    static final String ESCAPED_HTML = "<p>Follow up with <b>Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Söhne</b>:"
            + " no activity for 34 days.</p>";
    static final String TEXT = "Follow up with Acme <script>alert(1)</script> & Söhne: no activity for 34 days.";

    private TestNotifications() {
    }

    static Notification email(String suggestion, String address) {
        return of(suggestion, Channel.EMAIL, address, "Follow up with Acme", TEXT, ESCAPED_HTML);
    }

    static Notification digest(String day, String address) {
        String id = SuggestionIds.notification(TENANT + "|u-dana|" + day, Channel.DIGEST);
        return new Notification(id, TENANT, "u-dana", Channel.DIGEST.wireName(), List.of("sg-1", "sg-2"), "low",
                "Your suggestions for " + day, "High\n- " + TEXT + "\nLow\n- Call Globex",
                "<h2>High</h2><ul><li>" + ESCAPED_HTML + "</li></ul><h2>Low</h2><ul><li>Call Globex</li></ul>",
                address, null, CREATED);
    }

    static Notification slack(String suggestion, String webhookUrl) {
        return of(suggestion, Channel.SLACK, webhookUrl, "Follow up with Acme",
                TEXT, "Follow up with *Acme* &lt;script&gt;: no activity for 34 days");
    }

    static Notification inapp(String suggestion, String user) {
        return new Notification(SuggestionIds.notification(suggestion, Channel.INAPP), TENANT, user,
                Channel.INAPP.wireName(), List.of(suggestion), "medium", "Follow up with Acme", TEXT, null, user,
                null, CREATED);
    }

    static Notification withChannel(Notification notification, String channel) {
        return new Notification(notification.notificationId(), notification.tenantId(), notification.userId(),
                channel, notification.suggestionIds(), notification.priority(), notification.subject(),
                notification.textBody(), notification.markupBody(), notification.recipient(), notification.notBefore(),
                notification.createdAt());
    }

    private static Notification of(String suggestion, Channel channel, String recipient, String subject, String text,
                                   String markup) {
        return new Notification(SuggestionIds.notification(suggestion, channel), TENANT, "u-dana",
                channel.wireName(), List.of(suggestion), "high", subject, text, markup, recipient, null, CREATED);
    }
}
