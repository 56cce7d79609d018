package com.crmautopilot.simulator.kafka;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacerTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void eventsPerSecondSpacesRecordsFromTheStartOfTheRun() {
        Pacer pacer = new Pacer(Pacing.eventsPerSecond(100), nanos::get);
        assertThat(pacer.waitNanos(0, 0)).isZero();
        // The 50th record is due half a second in; a quarter second has passed.
        nanos.addAndGet(250_000_000L);
        assertThat(pacer.waitNanos(50, 0)).isEqualTo(250_000_000L);
        // Behind schedule: no wait, the run catches up.
        nanos.addAndGet(1_000_000_000L);
        assertThat(pacer.waitNanos(60, 0)).isZero();
    }

    @Test
    void timeCompressionPlaysEventTimeAtTheFactorAndIgnoresLateRecords() {
        Pacer pacer = new Pacer(Pacing.timeCompression(3600), nanos::get);
        assertThat(pacer.waitNanos(0, 0)).isZero();
        // Two hours of event time take two seconds.
        assertThat(pacer.waitNanos(1, 7_200_000L)).isEqualTo(2_000_000_000L);
        // A late record is due as soon as the latest one was.
        assertThat(pacer.waitNanos(2, 3_600_000L)).isEqualTo(2_000_000_000L);
    }

    @Test
    void unlimitedNeverWaits() {
        Pacer pacer = new Pacer(Pacing.unlimited(), nanos::get);
        assertThat(pacer.waitNanos(0, 0)).isZero();
        assertThat(pacer.waitNanos(1_000_000, Long.MAX_VALUE / 2)).isZero();
    }

    @Test
    void ratesMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Pacing.eventsPerSecond(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Pacing.timeCompression(-1));
    }
}
