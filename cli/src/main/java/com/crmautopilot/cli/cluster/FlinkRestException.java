package com.crmautopilot.cli.cluster;

import java.util.List;

/** The Flink REST API answered a request with an error, or could not be reached. */
public class FlinkRestException extends RuntimeException {

    private final int status;
    private final List<String> errors;

    public FlinkRestException(String request, int status, List<String> errors) {
        super(request + " failed with HTTP " + status + (errors.isEmpty() ? "" : ": " + firstLines(errors)));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public FlinkRestException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errors = List.of();
    }

    /** The HTTP status, or -1 when there was no answer. */
    public int status() {
        return status;
    }

    /** Flink's {@code errors} list; often one message followed by a server-side stack trace. */
    public List<String> errors() {
        return errors;
    }

    private static String firstLines(List<String> errors) {
        // The server-side stack traces would bury the message (errors() keeps them whole); the outermost and the
        // innermost exception say what failed and why.
        String all = String.join("\n", errors);
        String first = FailureCause.firstMessage(all);
        String root = FailureCause.rootMessage(all);
        return first.equals(root) ? first : first + " Cause: " + root;
    }
}
