package com.crmautopilot.sinks.notify;

import java.time.Duration;

/**
 * What one send attempt came to.
 *
 * @param retryAfter for a transient failure, the least wait the receiver asked for ({@code Retry-After}); zero if
 *                   it asked for none
 */
record AttemptResult(Kind kind, String detail, Duration retryAfter) {

    enum Kind {
        /** The receiver took it. */
        DELIVERED,
        /** It may work later: the server is down, overloaded, rate-limiting, or did not answer in time. */
        TRANSIENT,
        /** It will never work: the receiver refused this message or destination for good. */
        PERMANENT
    }

    static AttemptResult delivered() {
        return new AttemptResult(Kind.DELIVERED, "", Duration.ZERO);
    }

    static AttemptResult transientFailure(String detail) {
        return new AttemptResult(Kind.TRANSIENT, detail, Duration.ZERO);
    }

    static AttemptResult transientFailure(String detail, Duration retryAfter) {
        return new AttemptResult(Kind.TRANSIENT, detail, retryAfter);
    }

    static AttemptResult permanentFailure(String detail) {
        return new AttemptResult(Kind.PERMANENT, detail, Duration.ZERO);
    }
}
