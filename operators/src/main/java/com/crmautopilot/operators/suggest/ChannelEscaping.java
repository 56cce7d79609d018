package com.crmautopilot.operators.suggest;

/**
 * Makes plain text safe inside a channel's markup. Everything a suggestion says passes through here, because
 * entity names are typed by whoever created the record and may be hostile.
 */
public final class ChannelEscaping {

    private ChannelEscaping() {
    }

    /** HTML text and attribute values (email, digest): the five characters HTML gives meaning to. */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Slack mrkdwn. Slack asks for {@code &}, {@code <} and {@code >} as entities (so {@code <!channel>} or
     * {@code <https://evil|click>} cannot be smuggled in). It has no escape for its formatting characters, so
     * {@code * _ ~ `} are replaced by their full-width look-alikes, which Slack does not interpret: an entity
     * called {@code *bold*} shows its asterisks instead of turning bold.
     */
    public static String slack(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '*' -> out.append('\uFF0A');
                case '_' -> out.append('\uFF3F');
                case '~' -> out.append('\uFF5E');
                case '`' -> out.append('\uFF40');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A URL inside a Slack link ({@code <url|label>}): only {@code & < >} become entities and {@code |} is
     * percent-encoded; formatting characters stay as they are, since an underscore in a URL is part of the address.
     */
    public static String slackUrl(String url) {
        if (url == null) {
            return "";
        }
        return url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "%7C");
    }
}
