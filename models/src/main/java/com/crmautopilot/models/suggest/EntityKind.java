package com.crmautopilot.models.suggest;

import java.util.Locale;

/** What a suggestion is about; the wire name is the lower-case constant name. */
public enum EntityKind {
    LEAD, ACCOUNT, OPPORTUNITY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
