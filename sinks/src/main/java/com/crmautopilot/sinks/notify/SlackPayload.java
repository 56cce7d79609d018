package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The JSON body of an incoming-webhook POST: {@code text} is the plain fallback (notifications, screen readers),
 * and one {@code section} block carries the mrkdwn body, already escaped for Slack when it was rendered. Slack
 * caps a section's text at 3,000 characters, so a longer body is cut there rather than refused.
 */
final class SlackPayload {

    static final int MAX_SECTION_TEXT = 3000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackPayload() {
    }

    static byte[] of(Notification notification) {
        ObjectNode root = MAPPER.createObjectNode();
        String fallback = notification.subject() != null && !notification.subject().isBlank()
                ? notification.subject() : nullToEmpty(notification.textBody());
        root.put("text", fallback);
        String markup = notification.markupBody() != null && !notification.markupBody().isBlank()
                ? notification.markupBody() : nullToEmpty(notification.textBody());
        if (!markup.isEmpty()) {
            ObjectNode section = root.putArray("blocks").addObject();
            section.put("type", "section");
            ObjectNode text = section.putObject("text");
            text.put("type", "mrkdwn");
            text.put("text", markup.length() > MAX_SECTION_TEXT ? markup.substring(0, MAX_SECTION_TEXT) : markup);
        }
        try {
            return MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
