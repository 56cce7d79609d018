package com.crmautopilot.operators.suggest;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the suggestion engine is configured with, in one place.
 *
 * @param policies               base priority, cooldown and snooze per trigger ({@code conf/triggers.yaml})
 * @param templates              the text ({@code conf/suggestion-templates.yaml})
 * @param formula                the priority formula's reference amount and band cut-offs
 * @param acceptance             the learner's prior strength and demotion rule
 * @param linkBaseUrl            links to entities are {@code <linkBaseUrl>/<kind>s/<id>}
 * @param outOfOrderness         watermark bound of the feedback and preferences streams
 * @param idleness               after this long without records, a feedback or preferences split stops holding
 *                               back the watermark
 * @param outcomeRetention       how long (event time) a suggestion's answer can still revise what was learned
 * @param idleRetention          a (tenant, user) key that saw nothing for this long (event time) is dropped whole,
 *                               preferences and learning included
 * @param tenantPriorRetention   a tenant's pooled outcomes are dropped after this long without feedback (state TTL)
 * @param maxRecordBytes         feedback and preference records above this size are dead-lettered
 */
public record SuggestionSettings(
        TriggerPolicies policies,
        SuggestionTemplates templates,
        PriorityFormula formula,
        AcceptanceModel acceptance,
        String linkBaseUrl,
        Duration outOfOrderness,
        Duration idleness,
        Duration outcomeRetention,
        Duration idleRetention,
        Duration tenantPriorRetention,
        int maxRecordBytes) implements Serializable {

    public static final String DEFAULT_LINK_BASE_URL = "https://crm.example.com";

    public SuggestionSettings {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(linkBaseUrl, "linkBaseUrl");
        requirePositive(outOfOrderness, "outOfOrderness");
        requirePositive(idleness, "idleness");
        requirePositive(outcomeRetention, "outcomeRetention");
        requirePositive(idleRetention, "idleRetention");
        requirePositive(tenantPriorRetention, "tenantPriorRetention");
    }

    public static SuggestionSettings defaults() {
        return new SuggestionSettings(TriggerPolicies.defaults(), SuggestionTemplates.defaults(),
                PriorityFormula.defaults(), AcceptanceModel.defaults(), DEFAULT_LINK_BASE_URL,
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofDays(365),
                Duration.ofDays(365), SuggestionInputDecoder.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * The defaults with {@code triggers.yaml} and {@code suggestion-templates.yaml} from {@code confDir} where they
     * exist (the classpath copy of the templates and the built-in trigger policies otherwise).
     */
    public static SuggestionSettings fromConf(Path confDir) {
        Path templates = confDir.resolve(SuggestionTemplates.RESOURCE);
        return defaults()
                .withPolicies(TriggerPolicies.fromFileOrDefaults(confDir.resolve("triggers.yaml")))
                .withTemplates(Files.isRegularFile(templates) ? SuggestionTemplates.fromFile(templates)
                        : SuggestionTemplates.defaults());
    }

    public SuggestionSettings withPolicies(TriggerPolicies value) {
        return new SuggestionSettings(value, templates, formula, acceptance, linkBaseUrl, outOfOrderness, idleness,
                outcomeRetention, idleRetention, tenantPriorRetention, maxRecordBytes);
    }

    public SuggestionSettings withTemplates(SuggestionTemplates value) {
        return new SuggestionSettings(policies, value, formula, acceptance, linkBaseUrl, outOfOrderness, idleness,
                outcomeRetention, idleRetention, tenantPriorRetention, maxRecordBytes);
    }

    public SuggestionSettings withLinkBaseUrl(String value) {
        return new SuggestionSettings(policies, templates, formula, acceptance, value, outOfOrderness, idleness,
                outcomeRetention, idleRetention, tenantPriorRetention, maxRecordBytes);
    }

    public SuggestionSettings withRetention(Duration outcomes, Duration idle) {
        return new SuggestionSettings(policies, templates, formula, acceptance, linkBaseUrl, outOfOrderness, idleness,
                outcomes, idle, tenantPriorRetention, maxRecordBytes);
    }

    public SuggestionPlanner planner() {
        return new SuggestionPlanner(policies, templates, formula, acceptance);
    }

    public NotificationFactory notifications() {
        return new NotificationFactory(linkBaseUrl);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
