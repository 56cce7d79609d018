package com.crmautopilot.cli.cluster;

import java.util.List;

/** Reads the innermost cause out of a stack trace that the Flink REST API returns as text. */
final class FailureCause {

    private static final String CAUSED_BY = "Caused by: ";

    private FailureCause() {
    }

    /**
     * The innermost exception's message, without its class name: for a refused restore that is Flink's own
     * explanation, where the outer exceptions only say that the JobMaster could not start.
     */
    static String rootMessage(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "no failure cause reported";
        }
        List<String> lines = stackTrace.lines().toList();
        String root = lines.get(0);
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith(CAUSED_BY)) {
                root = trimmed.substring(CAUSED_BY.length());
            }
        }
        return withoutExceptionClass(root);
    }

    /** The outermost exception's message, without its class name. */
    static String firstMessage(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "";
        }
        return withoutExceptionClass(stackTrace.lines().findFirst().orElse("").strip());
    }

    private static String withoutExceptionClass(String line) {
        int colon = line.indexOf(": ");
        if (colon > 0 && !line.substring(0, colon).contains(" ")) {
            return line.substring(colon + 2);
        }
        return line;
    }
}
