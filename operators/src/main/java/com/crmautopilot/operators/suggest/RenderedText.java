package com.crmautopilot.operators.suggest;

/** A suggestion's plain-text title and sentence, facts in place, before any channel's escaping. */
public record RenderedText(String title, String text) {
}
