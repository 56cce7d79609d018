package com.crmautopilot.cep.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerSettingsTest {

    private final TriggerSettings settings = new TriggerSettings("reply_unanswered", true,
            Map.of("silence", "7d", "business_days", "MON, TUE,,WED ", "min_points", "20"));

    @Test
    void typedGettersParseTheText() {
        assertThat(settings.duration("silence")).isEqualTo(Duration.ofDays(7));
        assertThat(settings.list("business_days")).containsExactly("MON", "TUE", "WED");
        assertThat(settings.integer("min_points")).isEqualTo(20);
        assertThatThrownBy(() -> settings.text("window")).hasMessageContaining("window is not set");
    }

    @Test
    void aDerivedViewIsBuiltOncePerInstanceAndAnOverrideGetsItsOwn() {
        AtomicInteger builds = new AtomicInteger();
        assertThat(settings.<Integer>derived("probe", s -> builds.incrementAndGet())).isEqualTo(1);
        assertThat(settings.<Integer>derived("probe", s -> builds.incrementAndGet())).isEqualTo(1);

        TriggerSettings overridden = settings.with(new TriggerOverride("acme", "reply_unanswered", null,
                Map.of("silence", "10d")));
        assertThat(overridden.duration("silence")).isEqualTo(Duration.ofDays(10));
        assertThat(overridden.<Integer>derived("probe", s -> builds.incrementAndGet())).isEqualTo(2);
        assertThat(settings.duration("silence")).as("the defaults keep their own parse").isEqualTo(Duration.ofDays(7));
    }

    @Test
    void equalityIsByTypeSwitchAndParametersOnly() {
        TriggerSettings same = new TriggerSettings("reply_unanswered", true,
                Map.of("min_points", "20", "business_days", "MON, TUE,,WED ", "silence", "7d"));
        same.duration("silence");

        assertThat(same).isEqualTo(settings).hasSameHashCodeAs(settings);
        assertThat(new TriggerSettings("reply_unanswered", false, settings.params())).isNotEqualTo(settings);
    }
}
