package com.crmautopilot.models.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a feature's raw value becomes a float: as a number, as an index into a vocabulary, or as 0/1. */
public enum FeatureType {
    NUMERIC, CATEGORICAL, BOOLEAN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FeatureType fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
