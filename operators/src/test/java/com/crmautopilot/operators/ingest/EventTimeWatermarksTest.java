package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.crmautopilot.operators.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimeWatermarksTest {

    private static final Duration DISORDER = Duration.ofMinutes(15);
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final WatermarkStrategy<Ingested> strategy = EventTimeWatermarks.forIngested(DISORDER, IDLENESS);
    private final WatermarkGenerator<Ingested> generator = strategy.createWatermarkGenerator(new GeneratorContext(clock));
    private final TimestampAssigner<Ingested> assigner = strategy.createTimestampAssigner(UnregisteredMetricsGroup::new);
    private final RecordingOutput output = new RecordingOutput();

    @Test
    void takesTimestampsFromOccurredAtAndTrailsTheNewestEventByTheBound() {
        Ingested event = Ingested.of(leadEvent(EventType.EMAIL_OPENED, at(Duration.ofHours(2))));

        long timestamp = assigner.extractTimestamp(event, 999L);
        generator.onEvent(event, timestamp, output);
        generator.onPeriodicEmit(output);

        assertThat(timestamp).isEqualTo(millis(at(Duration.ofHours(2))));
        assertThat(output.lastWatermark()).isEqualTo(millis(at(Duration.ofHours(2)).minus(DISORDER)) - 1);
    }

    @Test
    void deadLettersDoNotMoveTheWatermark() {
        Ingested event = Ingested.of(leadEvent(EventType.EMAIL_OPENED, T0));
        long farFuture = millis(Instant.parse("2099-01-01T00:00:00Z"));
        Ingested deadLetter = Ingested.of(DeadLetter.fromSource(DeadLetterReason.FUTURE_TIMESTAMP, "far ahead",
                "crm.events", 0, 1L, "acme", "e-9", utf8("{}")));

        generator.onEvent(event, assigner.extractTimestamp(event, -1L), output);
        long deadLetterTimestamp = assigner.extractTimestamp(deadLetter, farFuture);
        generator.onEvent(deadLetter, deadLetterTimestamp, output);
        generator.onPeriodicEmit(output);

        assertThat(deadLetterTimestamp).as("dead letters keep the broker timestamp").isEqualTo(farFuture);
        assertThat(output.lastWatermark()).isEqualTo(millis(T0.minus(DISORDER)) - 1);
    }

    @Test
    void aSplitCarryingOnlyDeadLettersGoesIdle() {
        Ingested event = Ingested.of(leadEvent(EventType.EMAIL_OPENED, T0));
        Ingested deadLetter = Ingested.of(DeadLetter.fromSource(DeadLetterReason.NOT_JSON, "junk", "crm.events", 0,
                2L, null, null, utf8("junk")));
        generator.onEvent(event, millis(T0), output);
        generator.onPeriodicEmit(output);

        for (int second = 0; second <= IDLENESS.toSeconds() + 1; second++) {
            clock.advanceTime(Duration.ofSeconds(1));
            generator.onEvent(deadLetter, 0L, output);
            generator.onPeriodicEmit(output);
        }

        assertThat(output.idle).isTrue();
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> EventTimeWatermarks.forIngested(Duration.ZERO, IDLENESS))
                .hasMessageContaining("outOfOrderness");
        assertThatThrownBy(() -> EventTimeWatermarks.forIngested(DISORDER, Duration.ofSeconds(-1)))
                .hasMessageContaining("idleness");
    }

    @Test
    void decodedRecordsTakeTheirOwnTimestampAndTheSameBoundsAndIdleness() {
        WatermarkStrategy<Instant> decoded = EventTimeWatermarks.of((at, previous) -> millis(at), DISORDER, IDLENESS);
        WatermarkGenerator<Instant> decodedGenerator = decoded.createWatermarkGenerator(new GeneratorContext(clock));
        long timestamp = decoded.createTimestampAssigner(UnregisteredMetricsGroup::new)
                .extractTimestamp(at(Duration.ofHours(2)), 999L);

        decodedGenerator.onEvent(at(Duration.ofHours(2)), timestamp, output);
        decodedGenerator.onPeriodicEmit(output);
        assertThat(timestamp).isEqualTo(millis(at(Duration.ofHours(2))));
        assertThat(output.lastWatermark()).isEqualTo(millis(at(Duration.ofHours(2)).minus(DISORDER)) - 1);

        for (int second = 0; second <= IDLENESS.toSeconds() + 1; second++) {
            clock.advanceTime(Duration.ofSeconds(1));
            decodedGenerator.onPeriodicEmit(output);
        }
        assertThat(output.idle).as("an empty topic stops holding event time back").isTrue();
        assertThatThrownBy(() -> EventTimeWatermarks.of((Instant at, long previous) -> 0L, Duration.ZERO, IDLENESS))
                .hasMessageContaining("outOfOrderness");
    }

    private record GeneratorContext(RelativeClock clock) implements WatermarkGeneratorSupplier.Context {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup();
        }

        @Override
        public RelativeClock getInputActivityClock() {
            return clock;
        }
    }

    private static final class RecordingOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long lastWatermark() {
            return watermarks.get(watermarks.size() - 1);
        }
    }
}
