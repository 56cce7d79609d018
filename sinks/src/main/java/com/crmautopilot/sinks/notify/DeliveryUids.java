package com.crmautopilot.sinks.notify;

/** The uids of the delivery operators: never change one, or a savepoint's state for it is orphaned. */
public final class DeliveryUids {

    public static final String LEDGER = "notify-ledger";
    public static final String ROUTER = "notify-router";
    public static final String INAPP_SINK = "notify-inapp-sink";
    public static final String EMAIL = "notify-email";
    public static final String DIGEST = "notify-digest";
    public static final String SLACK = "notify-slack";

    private DeliveryUids() {
    }
}
