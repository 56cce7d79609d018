package com.crmautopilot.jobs.scoring;

import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.SuggestedActionRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadScoringSettingsTest {

    @Test
    void defaultsMatchTheIssue() {
        LeadScoringSettings settings = LeadScoringSettings.defaults();
        LeadScoringConfig config = settings.config();

        assertThat(settings.modelsTopic()).isEqualTo("ai.models");
        assertThat(settings.controlTopic()).isEqualTo("crm.control");
        assertThat(settings.scoresTopic()).isEqualTo("ai.lead-scores");
        assertThat(settings.changesTopic()).isEqualTo("ai.score-changes");
        assertThat(config.schedule().maxInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(config.schedule().decayHorizon()).isEqualTo(Duration.ofDays(90));
        assertThat(config.historySize()).isEqualTo(50);
        assertThat(config.maxKnownVersions()).isEqualTo(3);
        assertThat(config.defaultModel()).isNull();
        assertThat(config.minScoreChange()).isEqualTo(1);
        assertThat(config.rules().rules()).hasSameSizeAs(SuggestedActionRules.defaults().rules());
    }

    @Test
    void readsOverridesAndIgnoresOtherJobsKeys() {
        LeadScoringSettings settings = LeadScoringSettings.fromMap(Map.of("scoring.history-size", "20",
                "scoring.max-rescore-interval", "12 h", "topics.lead-scores", "t.scores", "kafka.group-id", "x"));

        assertThat(settings.config().historySize()).isEqualTo(20);
        assertThat(settings.config().schedule().maxInterval()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.scoresTopic()).isEqualTo("t.scores");
    }

    @Test
    void readsTheRulesTableFromAFile(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("actions.yaml");
        Files.writeString(rules, "max_actions: 1\nrules:\n  - action: Call them\n");

        LeadScoringSettings settings = LeadScoringSettings.fromMap(Map.of("scoring.suggested-actions", rules.toString()));

        assertThat(settings.config().rules().maxActions()).isEqualTo(1);
        assertThat(settings.config().rules().rules()).singleElement().extracting(SuggestedActionRules.Rule::action)
                .isEqualTo("Call them");
    }

    @Test
    void badValuesFailNamingTheirKey() {
        assertThatThrownBy(() -> LeadScoringSettings.fromMap(Map.of("scoring.decay-horizon", "soon")))
                .hasMessageStartingWith("scoring.decay-horizon = 'soon'");
        assertThatThrownBy(() -> LeadScoringSettings.fromMap(Map.of("scoring.history-size", "0")))
                .hasMessageContaining("historySize");
        assertThatThrownBy(() -> LeadScoringSettings.fromMap(Map.of("scoring.retention", "30 d")))
                .hasMessageContaining("scoring.max-rescore-interval, scoring.decay-horizon, scoring.retention");
        assertThatThrownBy(() -> LeadScoringSettings.fromMap(Map.of("scoring.default-model", "/nowhere")))
                .hasMessageContaining("scoring.default-model").hasMessageContaining("/nowhere");
    }
}
