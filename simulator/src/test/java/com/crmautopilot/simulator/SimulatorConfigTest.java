package com.crmautopilot.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorConfigTest {

    @Test
    void defaultsAreTheStandardWorld() {
        SimulatorConfig config = SimulatorConfig.defaults();
        assertThat(config.start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(config.days()).isEqualTo(180);
        assertThat(config.tenants()).isEqualTo(3);
        assertThat(config.leadsPerTenant()).isEqualTo(5000);
        assertThat(config.outOfOrderFraction()).isEqualTo(0.01);
        assertThat(config.duplicateFraction()).isEqualTo(0.005);
        assertThat(config.malformedFraction()).isEqualTo(0.002);
        assertThat(config.maxLateness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.maxRecords()).isEqualTo(SimulatorConfig.NO_LIMIT);
        assertThat(config.end()).isEqualTo(Instant.parse("2026-07-04T00:00:00Z"));
    }

    @Test
    void toBuilderRoundTrips() {
        SimulatorConfig config = SimulatorConfig.builder().seed(7).days(3).tenants(1).maxRecords(99).build();
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.withoutNoise().malformedFraction()).isZero();
        assertThat(config.withoutNoise().seed()).isEqualTo(7);
    }

    @Test
    void rejectsWorldsThatCannotExist() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().days(0).build())
                .withMessageContaining("days");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().tenants(0).build())
                .withMessageContaining("tenants");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().repsPerTenant(0).build())
                .withMessageContaining("repsPerTenant");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().leadsPerTenant(-1).build())
                .withMessageContaining("leadsPerTenant");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().start(null).build())
                .withMessageContaining("start");
    }

    @Test
    void rejectsNoiseThatWouldDrownTheSignal() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().malformedFraction(0.6).build())
                .withMessageContaining("malformedFraction");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().duplicateFraction(-0.1).build())
                .withMessageContaining("duplicateFraction");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().outOfOrderFraction(Double.NaN).build())
                .withMessageContaining("outOfOrderFraction");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().maxLateness(Duration.ZERO).build())
                .withMessageContaining("maxLateness");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().heartbeatInterval(Duration.ofMillis(10)).build())
                .withMessageContaining("heartbeatInterval");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().maxRecords(0).build())
                .withMessageContaining("maxRecords");
    }

    @Test
    void zeroLatenessIsFineWithoutDisorder() {
        SimulatorConfig config = SimulatorConfig.builder().outOfOrderFraction(0).duplicateFraction(0)
                .maxLateness(Duration.ZERO).build();
        assertThat(config.maxLateness()).isZero();
    }
}
