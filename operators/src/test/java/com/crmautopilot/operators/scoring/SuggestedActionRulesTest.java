package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.Tier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestedActionRulesTest {

    private static final Factor DEMO = new Factor("demo_requested", 0.8, "Demo requested today", "today");
    private static final Factor SOFTWARE = new Factor("industry", 0.4, "Industry: software", "software");
    private static final Factor NO_SIZE = new Factor("company_size", -0.3, "Company size unknown", "unknown");
    private static final Factor QUIET = new Factor("days_since_last_touch", -0.5, "Last engaged 40 days ago",
            "40 days ago");

    @Test
    void aHotLeadWithADemoRequestGetsTheDemoCallFirst() {
        List<String> actions = SuggestedActionRules.defaults().actionsFor(Tier.HOT, List.of(DEMO, SOFTWARE));

        assertThat(actions).containsExactly("Schedule the demo call within 24 hours", "Assign to a senior sales rep",
                "Send a case study from their industry (software)");
    }

    @Test
    void aQuietWarmLeadIsReEngagedAndItsGapsFilled() {
        List<String> actions = SuggestedActionRules.defaults().actionsFor(Tier.WARM, List.of(QUIET, NO_SIZE));

        assertThat(actions).containsExactly("Re-engage with a personal check-in (last seen 40 days ago)",
                "Enrich the lead's firmographics before the next touch", "Add to this week's follow-up list");
    }

    @Test
    void aColdLeadWithNothingNotableIsLeftInNurture() {
        assertThat(SuggestedActionRules.defaults().actionsFor(Tier.COLD, List.of()))
                .containsExactly("Keep in nurture, it will be rescored on new engagement");
    }

    @Test
    void rulesApplyInOrderUpToTheLimitWithoutRepeats() {
        SuggestedActionRules rules = SuggestedActionRules.fromYaml("""
                max_actions: 2
                rules:
                  - action: A
                    factor: [industry, demo_requested]
                    direction: negative
                  - action: B
                    tier: [hot, warm]
                  - action: B
                  - action: C
                """, "test");

        assertThat(rules.actionsFor(Tier.HOT, List.of(DEMO))).containsExactly("B", "C");
        assertThat(rules.actionsFor(Tier.COLD, List.of(NO_SIZE))).containsExactly("B", "C");
    }

    @Test
    void mistakesInTheTableNameTheRule() {
        assertThatThrownBy(() -> SuggestedActionRules.fromYaml("rules:\n  - action: A\n    factor: shoe_size\n", "t.yaml"))
                .hasMessageContaining("t.yaml rule 1").hasMessageContaining("shoe_size");
        assertThatThrownBy(() -> SuggestedActionRules.fromYaml("rules:\n  - action: A\n    tier: lukewarm\n", "t.yaml"))
                .hasMessageContaining("tier 'lukewarm'");
        assertThatThrownBy(() -> SuggestedActionRules.fromYaml("rules:\n  - tier: hot\n", "t.yaml"))
                .hasMessageContaining("has no action");
        assertThatThrownBy(() -> SuggestedActionRules.fromYaml("rules:\n  - action: A\n    when: hot\n", "t.yaml"))
                .hasMessageContaining("unknown key 'when'");
        assertThatThrownBy(() -> SuggestedActionRules.fromYaml("rules:\n  - action: 'Call {value}'\n", "t.yaml"))
                .hasMessageContaining("need a factor");
        assertThatThrownBy(() -> SuggestedActionRules.fromYaml("rules: [", "t.yaml"))
                .hasMessageContaining("t.yaml is not valid YAML");
    }

    @Test
    void theConfCopyIsTheTableOnTheClasspath() throws IOException {
        Path conf = Path.of("..", "conf", SuggestedActionRules.RESOURCE);
        Path resource = Path.of("src", "main", "resources", SuggestedActionRules.RESOURCE);

        assertThat(Files.readString(conf)).isEqualTo(Files.readString(resource));
        assertThat(SuggestedActionRules.fromFile(conf).rules()).hasSizeGreaterThan(5);
    }
}
