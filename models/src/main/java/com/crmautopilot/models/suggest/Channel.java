package com.crmautopilot.models.suggest;

import java.util.Locale;
import java.util.Optional;

/** Delivery channels. {@link #DIGEST} is the daily email digest; {@link #EMAIL} is an immediate mail. */
public enum Channel {
    INAPP, EMAIL, SLACK, DIGEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String wireName) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(wireName)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
