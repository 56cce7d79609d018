package com.crmautopilot.sinks.notify;

/**
 * A notification a channel finished with: delivered ({@code reason} null) or dead-lettered (its reason and detail).
 * Kept briefly in the sender's operator state, see {@link RetryingDeliveryFunction}.
 *
 * @param finishedAtMillis wall-clock time it finished, only to forget it later
 */
public record Acknowledgement(String notificationId, String reason, String detail, long finishedAtMillis) {
}
