package com.crmautopilot.cep.config;

import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerCatalogTest {

    private static final Path CONF = Path.of("..", "conf", "triggers.yaml");
    private static final Path CLASSPATH_COPY = Path.of("..", "operators", "src", "main", "resources", "triggers.yaml");

    @Test
    void theConfFileAndTheClasspathDefaultAreTheSame() throws IOException {
        assertThat(Files.readString(CLASSPATH_COPY)).isEqualTo(Files.readString(CONF));
    }

    @Test
    void loadsAllFourteenTriggersWithTheIssuesDefaults() {
        TriggerCatalog catalog = TriggerCatalog.load(CONF);
        for (TriggerType type : TriggerType.values()) {
            TriggerSettings settings = catalog.settings(type);
            assertThat(settings.enabled()).as(type.wireName()).isTrue();
            assertThat(settings.decimal("base_priority")).isBetween(0.0, 1.0);
            assertThat(settings.duration("cooldown")).isPositive();
            assertThat(settings.duration("snooze")).isPositive();
        }
        assertThat(catalog.settings(TriggerType.STALE_ACCOUNT).duration("silence")).isEqualTo(Duration.ofDays(30));
        assertThat(catalog.settings(TriggerType.INACTIVE_LEAD).duration("silence")).isEqualTo(Duration.ofDays(7));
        assertThat(catalog.settings(TriggerType.HOT_LEAD).integer("min_engagements")).isEqualTo(3);
        assertThat(catalog.settings(TriggerType.HOT_LEAD).duration("window")).isEqualTo(Duration.ofHours(24));
        assertThat(catalog.settings(TriggerType.SCORE_JUMP).integer("min_points")).isEqualTo(20);
        assertThat(catalog.settings(TriggerType.DEMO_REQUEST_UNANSWERED).integer("response_business_hours"))
                .isEqualTo(24);
        assertThat(catalog.settings(TriggerType.REPLY_UNANSWERED).integer("response_business_days")).isEqualTo(1);
        assertThat(catalog.settings(TriggerType.DEAL_AT_RISK).duration("horizon")).isEqualTo(Duration.ofDays(14));
        assertThat(catalog.settings(TriggerType.DEAL_STALLED).decimal("factor")).isEqualTo(2.0);
    }

    @Test
    void aBadParameterFailsAtLoadNamingTheTriggerAndParameter() {
        String yaml = catalogYaml().replace("silence: 7d", "silence: a week");
        assertThatThrownBy(() -> TriggerCatalog.fromYaml(yaml, "test.yaml"))
                .hasMessageContaining("inactive_lead").hasMessageContaining("silence");
    }

    @Test
    void aMissingTriggerOrDeclaredParameterFailsAtLoad() {
        assertThatThrownBy(() -> TriggerCatalog.fromYaml(catalogYaml().replace("  lead_went_cold:", "  went_cold:"),
                "test.yaml")).hasMessageContaining("went_cold");
        assertThatThrownBy(() -> TriggerCatalog.fromYaml(catalogYaml().replace("min_points: 20", "points: 20"),
                "test.yaml")).hasMessageContaining("min_points");
        assertThatThrownBy(() -> TriggerCatalog.fromYaml(catalogYaml()
                .replace("business_day_end: \"17:00\"", "business_day_end: \"08:00\""), "test.yaml"))
                .hasMessageContaining("business_day_end");
        assertThatThrownBy(() -> TriggerCatalog.fromYaml(catalogYaml()
                .replace("annual_revenue,industry", "revenue,industry"), "test.yaml"))
                .hasMessageContaining("revenue");
    }

    @Test
    void checksOverridesAgainstTheDefaults() {
        TriggerCatalog catalog = TriggerCatalog.defaults();
        assertThat(catalog.problem(new TriggerOverride("acme", "inactive_lead", false, Map.of("silence", "10d"))))
                .isEmpty();
        assertThat(catalog.problem(new TriggerOverride("acme", "inactive_lead", null, Map.of("silense", "10d"))))
                .get().asString().contains("silense");
        assertThat(catalog.problem(new TriggerOverride("acme", "inactive_lead", null, Map.of("silence", "-1d"))))
                .isPresent();
        assertThat(catalog.problem(new TriggerOverride("acme", "inactive_lead", null, Map.of("state_ttl", "1d"))))
                .get().asString().contains("job-wide");
        // A deal trigger's parameter is checked against the kind of its default.
        assertThat(catalog.problem(new TriggerOverride("acme", "deal_at_risk", null, Map.of("min_activities", "x"))))
                .isPresent();
        assertThat(catalog.problem(new TriggerOverride("acme", "deal_at_risk", null, Map.of("min_activities", "5"))))
                .isEmpty();
        assertThat(catalog.problem(new TriggerOverride("acme", "no_such_trigger", null, Map.of()))).isPresent();
    }

    @Test
    void effectiveSettingsLayTheOverrideOnTheDefaults() {
        TriggerCatalog catalog = TriggerCatalog.defaults();
        TriggerSettings effective = catalog.effective(TriggerType.INACTIVE_LEAD,
                new TriggerOverride("acme", "inactive_lead", false, Map.of("silence", "10d")));
        assertThat(effective.enabled()).isFalse();
        assertThat(effective.duration("silence")).isEqualTo(Duration.ofDays(10));
        assertThat(effective.duration("retain_after_fire")).isEqualTo(Duration.ofDays(30));
        assertThat(catalog.effective(TriggerType.INACTIVE_LEAD,
                new TriggerOverride("acme", "inactive_lead", null, Map.of("silence", "never"))))
                .isEqualTo(catalog.settings(TriggerType.INACTIVE_LEAD));
    }

    private static String catalogYaml() {
        try {
            return Files.readString(CONF);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
