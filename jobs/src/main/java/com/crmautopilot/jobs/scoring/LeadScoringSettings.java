package com.crmautopilot.jobs.scoring;

import com.crmautopilot.models.Topics;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ModelArtifacts;
import com.crmautopilot.operators.scoring.RescoreSchedule;
import com.crmautopilot.operators.scoring.SuggestedActionRules;
import com.crmautopilot.operators.scoring.WindowExpiry;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;
import org.apache.flink.util.TimeUtils;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of lead scoring, typed, with defaults: the keys of {@link #DEFAULTS}, to merge into the job's own
 * settings. A bad value fails at start with a message naming its key. The default model and the suggested-actions
 * table are read here, when the job is built, and travel with the job graph.
 *
 * @param modelsTopic  {@code ai.models}
 * @param controlTopic {@code crm.control}
 * @param scoresTopic  {@code ai.lead-scores}
 * @param changesTopic {@code ai.score-changes}
 */
public record LeadScoringSettings(String modelsTopic, String controlTopic, String scoresTopic, String changesTopic,
                                  LeadScoringConfig config) implements Serializable {

    /** The keys and their defaults; durations read like {@code 24 h}, {@code 90 d}. Empty means "none". */
    public static final Map<String, String> DEFAULTS = defaultValues();

    public LeadScoringSettings {
        Objects.requireNonNull(config, "config");
    }

    public static LeadScoringSettings defaults() {
        return fromMap(Map.of());
    }

    /**
     * Reads the scoring keys of {@code values}; other keys are left to the caller (the job's settings check that no
     * key is unknown).
     */
    public static LeadScoringSettings fromMap(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        values.forEach((key, value) -> {
            if (DEFAULTS.containsKey(key)) {
                merged.put(key, value);
            }
        });
        RescoreSchedule schedule = within("scoring.max-rescore-interval, scoring.decay-horizon, scoring.retention",
                () -> new RescoreSchedule(duration(merged, "scoring.max-rescore-interval"),
                        duration(merged, "scoring.decay-horizon"), duration(merged, "scoring.retention")));
        String rulesPath = merged.get("scoring.suggested-actions").trim();
        SuggestedActionRules rules = within("scoring.suggested-actions", () -> rulesPath.isEmpty()
                ? SuggestedActionRules.defaults() : SuggestedActionRules.fromFile(Path.of(rulesPath)));
        String modelUri = merged.get("scoring.default-model").trim();
        ModelArtifact defaultModel = modelUri.isEmpty() ? null
                : within("scoring.default-model", () -> ModelArtifacts.fromLocation(modelUri));
        LeadScoringConfig config = within("scoring.*", () -> new LeadScoringConfig(
                text(merged, "scoring.model-name"), schedule, integer(merged, "scoring.history-size"),
                integer(merged, "scoring.known-versions"), integer(merged, "scoring.factors"),
                number(merged, "scoring.min-factor-weight"), rules, defaultModel, WindowExpiry.fromProfile(),
                text(merged, "topics.models"), integer(merged, "scoring.min-score-change")));
        return new LeadScoringSettings(text(merged, "topics.models"), text(merged, "topics.control"),
                text(merged, "topics.lead-scores"), text(merged, "topics.score-changes"), config);
    }

    /** Where {@code ai.models} is read from: the earliest offset, so a fresh start replays every announcement. */
    public KafkaSourceSettings modelsSource(String bootstrapServers, String groupId) {
        return new KafkaSourceSettings(bootstrapServers, modelsTopic, groupId + "-models",
                KafkaSourceSettings.StartingOffsets.EARLIEST);
    }

    /** Where {@code crm.control} is read from: committed offsets, else only commands sent from now on. */
    public KafkaSourceSettings controlSource(String bootstrapServers, String groupId) {
        return new KafkaSourceSettings(bootstrapServers, controlTopic, groupId + "-control",
                KafkaSourceSettings.StartingOffsets.LATEST);
    }

    public LeadScoringSettings withConfig(LeadScoringConfig value) {
        return new LeadScoringSettings(modelsTopic, controlTopic, scoresTopic, changesTopic, value);
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("topics.models", Topics.MODELS);
        d.put("topics.control", Topics.CONTROL);
        d.put("topics.lead-scores", Topics.LEAD_SCORES);
        d.put("topics.score-changes", Topics.SCORE_CHANGES);
        d.put("scoring.model-name", LeadScoringConfig.DEFAULT_MODEL_NAME);
        d.put("scoring.default-model", "");
        d.put("scoring.max-rescore-interval", "24 h");
        d.put("scoring.decay-horizon", "90 d");
        d.put("scoring.retention", "365 d");
        d.put("scoring.history-size", String.valueOf(LeadScoringConfig.DEFAULT_HISTORY_SIZE));
        d.put("scoring.known-versions", String.valueOf(LeadScoringConfig.DEFAULT_KNOWN_VERSIONS));
        d.put("scoring.factors", String.valueOf(LeadScoringConfig.DEFAULT_FACTORS));
        d.put("scoring.min-factor-weight", String.valueOf(LeadScoringConfig.DEFAULT_MIN_FACTOR_WEIGHT));
        d.put("scoring.suggested-actions", "");
        d.put("scoring.min-score-change", String.valueOf(LeadScoringConfig.DEFAULT_MIN_SCORE_CHANGE));
        return Collections.unmodifiableMap(d);
    }

    private static String text(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
        return value.trim();
    }

    private static Duration duration(Map<String, String> values, String key) {
        String value = text(values, key);
        try {
            return TimeUtils.parseDuration(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a duration such as '24 h' or '90 d'");
        }
    }

    private static int integer(Map<String, String> values, String key) {
        String value = text(values, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a whole number");
        }
    }

    private static double number(Map<String, String> values, String key) {
        String value = text(values, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a number");
        }
    }

    /** Runs a constructor; a refusal that does not already name its key is prefixed with the keys involved. */
    private static <T> T within(String keys, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (DEFAULTS.keySet().stream().anyMatch(message::startsWith)) {
                throw e;
            }
            throw new IllegalArgumentException("invalid " + keys + ": " + message, e);
        }
    }
}
