package com.crmautopilot.models.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Builds the human-readable {@code detail} of a rejection. Details echo parts of hostile input into logs and
 * dead letters, so they are kept short and free of control characters.
 */
final class Details {

    static final int MAX_DETAIL_CHARS = 240;
    private static final int MAX_ECHO_CHARS = 60;

    private Details() {
    }

    /** A JSON value as a reader would name it: its kind, and a short excerpt of scalars. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string " + quote(node.textValue());
            case NUMBER -> "number " + clip(node.asText(), MAX_ECHO_CHARS);
            case BOOLEAN -> "boolean " + node.asText();
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A string value in quotes, shortened and cleaned. */
    static String quote(String value) {
        return '"' + clip(value, MAX_ECHO_CHARS) + '"';
    }

    /** Truncates to {@code max} characters (marking the cut) and replaces control characters with '?'. */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        int length = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean unprintable = Character.isISOControl(c) || Character.isSurrogate(c) && !pairedSurrogate(text, i, length);
            out.append(unprintable ? '?' : c);
        }
        if (text.length() > max) {
            out.append("...");
        }
        return out.toString();
    }

    static String clip(String text) {
        return clip(text, MAX_DETAIL_CHARS);
    }

    /**
     * The index of the first unpaired UTF-16 surrogate, or -1. JSON escapes such as backslash-u-D800 parse into
     * strings that no UTF-8 writer can encode again, so a valid event must not carry one.
     */
    static int loneSurrogateIndex(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A lone surrogate (or half a pair cut by truncation) would make the detail unencodable as UTF-8. */
    private static boolean pairedSurrogate(String text, int i, int length) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
