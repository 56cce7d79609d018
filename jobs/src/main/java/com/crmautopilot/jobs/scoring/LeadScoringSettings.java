package com.crmautopilot.jobs.scoring;

import com.crmautopilot.jobs.SettingsReader;
import com.crmautopilot.models.Topics;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ModelArtifacts;
import com.crmautopilot.operators.scoring.RescoreSchedule;
import com.crmautopilot.operators.scoring.SuggestedActionRules;
import com.crmautopilot.operators.scoring.WindowExpiry;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;

import java.io.Serializable;
import java.nio.file.Path;
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
        SettingsReader read = new SettingsReader(merged, DEFAULTS.keySet());
        RescoreSchedule schedule = read.within("scoring.max-rescore-interval, scoring.decay-horizon, scoring.retention",
                () -> new RescoreSchedule(read.duration("scoring.max-rescore-interval"),
                        read.duration("scoring.decay-horizon"), read.duration("scoring.retention")));
        String rulesPath = merged.get("scoring.suggested-actions").trim();
        SuggestedActionRules rules = read.within("scoring.suggested-actions", () -> rulesPath.isEmpty()
                ? SuggestedActionRules.defaults() : SuggestedActionRules.fromFile(Path.of(rulesPath)));
        String modelUri = merged.get("scoring.default-model").trim();
        ModelArtifact defaultModel = modelUri.isEmpty() ? null
                : read.within("scoring.default-model", () -> ModelArtifacts.fromLocation(modelUri));
        LeadScoringConfig config = read.within("scoring.*", () -> new LeadScoringConfig(
                read.text("scoring.model-name"), schedule, read.integer("scoring.history-size"),
                read.integer("scoring.known-versions"), read.integer("scoring.factors"),
                read.number("scoring.min-factor-weight"), rules, defaultModel, WindowExpiry.fromProfile(),
                read.text("topics.models"), read.integer("scoring.min-score-change")));
        return new LeadScoringSettings(read.text("topics.models"), read.text("topics.control"),
                read.text("topics.lead-scores"), read.text("topics.score-changes"), config);
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
}
