package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Priority;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionIds;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds the message of each channel from a suggestion. Every piece of suggestion text is escaped for the
 * channel's markup ({@link ChannelEscaping}); links to entities are {@code <linkBaseUrl>/<kind>s/<id>} with the id
 * URL-encoded. Notification ids are {@link SuggestionIds#notification}: of the suggestion id, or for a digest of
 * {@code tenant|user|local date}, so a replay rebuilds the same ids.
 */
public final class NotificationFactory implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DIGEST_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    private final String linkBaseUrl;

    public NotificationFactory(String linkBaseUrl) {
        this.linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
    }

    public String link(Suggestion suggestion) {
        String kind = suggestion.entityKind() == null ? "entity" : suggestion.entityKind();
        String plural = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
        return linkBaseUrl + "/" + plural + "/" + URLEncoder.encode(suggestion.entityId(), StandardCharsets.UTF_8);
    }

    /** One push message (in-app, email or Slack). */
    public Notification push(Suggestion suggestion, Channel channel, EffectivePreferences preferences,
                             Instant notBefore, Instant createdAt) {
        String link = link(suggestion);
        String text = suggestion.text() + "\n" + link;
        String markup;
        String recipient;
        switch (channel) {
            case EMAIL -> {
                markup = "<p><strong>" + ChannelEscaping.html(suggestion.title()) + "</strong></p><p>"
                        + ChannelEscaping.html(suggestion.text()) + "</p><p><a href=\"" + ChannelEscaping.html(link)
                        + "\">Open in the CRM</a></p>";
                recipient = preferences.emailAddress();
            }
            case SLACK -> {
                markup = "*" + ChannelEscaping.slack(suggestion.title()) + "*\n" + ChannelEscaping.slack(suggestion.text())
                        + "\n<" + ChannelEscaping.slackUrl(link) + "|Open in the CRM>";
                recipient = preferences.slackWebhookUrl();
            }
            case INAPP -> {
                markup = null;
                text = suggestion.text();
                recipient = suggestion.userId();
            }
            default -> throw new IllegalArgumentException("not a push channel: " + channel);
        }
        return new Notification(SuggestionIds.notification(suggestion.suggestionId(), channel), suggestion.tenantId(),
                suggestion.userId(), channel.wireName(), List.of(suggestion.suggestionId()), suggestion.priority(),
                suggestion.title(), text, markup, recipient, notBefore, createdAt);
    }

    /**
     * The daily digest: every suggestion held for it, grouped by priority (high first, then by time), as HTML and
     * plain text.
     */
    public Notification digest(String tenantId, String userId, LocalDate localDate, List<Suggestion> suggestions,
                               EffectivePreferences preferences, Instant at) {
        List<Suggestion> sorted = new ArrayList<>(suggestions);
        sorted.sort(Comparator.comparing((Suggestion s) -> Priority.fromWire(s.priority()).orElse(Priority.LOW))
                .thenComparing(Suggestion::createdAt).thenComparing(Suggestion::suggestionId));
        String day = DIGEST_DATE.format(localDate);
        String subject = "Your CRM digest for " + day + ": " + sorted.size()
                + (sorted.size() == 1 ? " suggestion" : " suggestions");
        StringBuilder text = new StringBuilder(subject).append('\n');
        StringBuilder html = new StringBuilder("<h1>").append(ChannelEscaping.html(subject)).append("</h1>");
        Priority best = null;
        for (Priority priority : Priority.values()) {
            List<Suggestion> band = sorted.stream()
                    .filter(s -> Priority.fromWire(s.priority()).orElse(Priority.LOW) == priority).toList();
            if (band.isEmpty()) {
                continue;
            }
            if (best == null) {
                best = priority; // bands are visited highest first
            }
            String heading = capitalized(priority.wireName()) + " priority";
            text.append('\n').append(heading).append('\n');
            html.append("<h2>").append(heading).append("</h2><ul>");
            for (Suggestion s : band) {
                String link = link(s);
                text.append("- ").append(s.title()).append(": ").append(s.text()).append(' ').append(link).append('\n');
                html.append("<li><a href=\"").append(ChannelEscaping.html(link)).append("\">")
                        .append(ChannelEscaping.html(s.title())).append("</a>: ")
                        .append(ChannelEscaping.html(s.text())).append("</li>");
            }
            html.append("</ul>");
        }
        String digestId = tenantId + "|" + userId + "|" + localDate;
        return new Notification(SuggestionIds.notification(digestId, Channel.DIGEST), tenantId, userId,
                Channel.DIGEST.wireName(), sorted.stream().map(Suggestion::suggestionId).toList(),
                (best == null ? Priority.LOW : best).wireName(),
                subject, text.toString(), html.toString(), preferences.emailAddress(), at, at);
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
