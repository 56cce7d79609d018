package com.crmautopilot.sinks.notify;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The Flink metrics of one channel's sender, under the group {@code channel=<name>}: {@code sent} (the receiver
 * took it), {@code retried} (a failed attempt that will be tried again), {@code dead_lettered} (given up, or
 * refused).
 */
final class DeliveryCounters {

    static final String GROUP = "channel";
    static final String SENT = "sent";
    static final String RETRIED = "retried";
    static final String DEAD_LETTERED = "dead_lettered";

    final Counter sent;
    final Counter retried;
    final Counter deadLettered;

    DeliveryCounters(MetricGroup operatorGroup, String channel) {
        MetricGroup group = operatorGroup.addGroup(GROUP, channel);
        this.sent = group.counter(SENT);
        this.retried = group.counter(RETRIED);
        this.deadLettered = group.counter(DEAD_LETTERED);
    }
}
