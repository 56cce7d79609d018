package com.crmautopilot.operators.suggest;

/**
 * Makes plain text safe inside a channel's markup. Everything a suggestion says passes through here, because
 * entity names are typed by whoever created the record and may be hostile.
 */
public final class ChannelEscaping {

    /** HTML text and attribute values: the five characters HTML gives meaning to. */
    private static final Replacement HTML = c -> switch (c) {
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> entity(c);
    };

    /** Slack mrkdwn: entities, and full-width look-alikes for the formatting characters. */
    private static final Replacement SLACK = c -> switch (c) {
        case '*' -> "\uFF0A";
        case '_' -> "\uFF3F";
        case '~' -> "\uFF5E";
        case '`' -> "\uFF40";
        default -> entity(c);
    };

    /** A URL inside a Slack link: entities, and the link's label separator percent-encoded. */
    private static final Replacement SLACK_URL = c -> c == '|' ? "%7C" : entity(c);

    private ChannelEscaping() {
    }

    /** HTML text and attribute values (email, digest): the five characters HTML gives meaning to. */
    public static String html(String text) {
        return escape(text, HTML);
    }

    /**
     * Slack mrkdwn. Slack asks for {@code &}, {@code <} and {@code >} as entities (so {@code <!channel>} or
     * {@code <https://evil|click>} cannot be smuggled in). It has no escape for its formatting characters, so
     * {@code * _ ~ `} are replaced by their full-width look-alikes, which Slack does not interpret: an entity
     * called {@code *bold*} shows its asterisks instead of turning bold.
     */
    public static String slack(String text) {
        return escape(text, SLACK);
    }

    /**
     * A URL inside a Slack link ({@code <url|label>}): only {@code & < >} become entities and {@code |} is
     * percent-encoded; formatting characters stay as they are, since an underscore in a URL is part of the address.
     */
    public static String slackUrl(String url) {
        return escape(url, SLACK_URL);
    }

    /** The replacement of one character, or null to keep it. */
    @FunctionalInterface
    private interface Replacement {
        String of(char c);
    }

    /** {@code & < >}, which both HTML and Slack read as markup, as entities; null for any other character. */
    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> null;
        };
    }

    /** {@code text} with each character replaced as {@code replacement} says; null reads as empty. */
    private static String escape(String text, Replacement replacement) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replaced = replacement.of(c);
            if (replaced == null) {
                out.append(c);
            } else {
                out.append(replaced);
            }
        }
        return out.toString();
    }
}
