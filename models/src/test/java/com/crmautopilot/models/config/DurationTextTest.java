package com.crmautopilot.models.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {

    @Test
    void readsIsoAndShorthand() {
        assertThat(DurationText.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse(" pt24h ")).isEqualTo(Duration.ofHours(24));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("24H")).isEqualTo(Duration.ofHours(24));
        assertThat(DurationText.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationText.parse("7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parse("7w")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parse("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parse("Pfoo")).isInstanceOf(DateTimeParseException.class);
    }
}
