package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.testing.LikeTheJobs;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.crmautopilot.cep.deal.DealEvents.OTHER_TENANT;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-tenant, per-stage median stays from a bounded sample of the most recent completed stays. */
class StageMedianFunctionTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int MIN_SAMPLE = 5;
    private static final int CAPACITY = 11;

    private KeyedOneInputStreamOperatorTestHarness<String, StageStay, StageMedian> harness;

    @BeforeEach
    void open() throws Exception {
        harness = LikeTheJobs.opened(new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new StageMedianFunction(MIN_SAMPLE, CAPACITY, Duration.ofDays(90))),
                StageStay.byTenantStage(), Types.STRING));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsNothingUntilTheMinimumSampleThenTheMedian() throws Exception {
        for (int hours : new int[] {50, 10, 40, 20}) {
            stay(TENANT, "qualification", hours, 1);
        }
        assertThat(harness.extractOutputValues()).isEmpty();

        stay(TENANT, "qualification", 30, 2);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(m -> {
            assertThat(m.tenantId()).isEqualTo(TENANT);
            assertThat(m.stage()).isEqualTo("qualification");
            assertThat(m.medianMillis()).isEqualTo(30 * HOUR);
            assertThat(m.sampleSize()).isEqualTo(5);
        });
    }

    @Test
    void keepsTenantsAndStagesApart() throws Exception {
        for (int i = 0; i < MIN_SAMPLE; i++) {
            stay(TENANT, "qualification", 24, i);
            stay(OTHER_TENANT, "qualification", 240, i);
            stay(TENANT, "proposal", 72, i);
        }

        List<StageMedian> medians = harness.extractOutputValues();
        assertThat(medians).extracting(m -> m.tenantId() + "/" + m.stage() + "=" + m.medianMillis() / HOUR + "h")
                .containsExactlyInAnyOrder(TENANT + "/qualification=24h", OTHER_TENANT + "/qualification=240h",
                        TENANT + "/proposal=72h");
    }

    @Test
    void broadcastsOnlyMaterialChangesAndFollowsTheRecentStays() throws Exception {
        for (int i = 0; i < MIN_SAMPLE; i++) {
            stay(TENANT, "proposal", 100, i);
        }
        harness.getOutput().clear();
        stay(TENANT, "proposal", 101, 6); // the median stays at 100h: nothing to broadcast
        assertThat(harness.extractOutputValues()).isEmpty();

        for (int i = 0; i < 2 * CAPACITY; i++) {
            stay(TENANT, "proposal", 10, 10 + i);
        }

        List<StageMedian> medians = harness.extractOutputValues();
        assertThat(medians).hasSizeLessThan(5);
        assertThat(medians.get(medians.size() - 1).medianMillis()).isEqualTo(10 * HOUR);
        assertThat(medians.get(medians.size() - 1).sampleSize()).isEqualTo(CAPACITY);
    }

    @Test
    void theSampleHasAFixedSize() throws Exception {
        for (int i = 0; i < 500; i++) {
            stay(TENANT, "negotiation", 1 + i % 37, i / 10.0);
        }
        var backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(com.crmautopilot.operators.keys.TenantKeys.of(TENANT, "negotiation"));
        StageSample sample = backend
                .getPartitionedState(org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                        org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                        DealTriggerState.stageSample()).value();

        assertThat(sample.durations).hasSize(CAPACITY);
        assertThat(sample.size).isEqualTo(CAPACITY);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void anExpiredSampleIsDroppedByItsTimer() throws Exception {
        for (int i = 0; i < MIN_SAMPLE; i++) {
            stay(TENANT, "proposal", 48, i);
        }
        harness.processWatermark(day(4 + 90).minusMillis(1).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.getOutput().clear();

        harness.processWatermark(day(4 + 90).toEpochMilli());

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theMedianOfAnEvenSampleIsTheMeanOfTheMiddleTwo() {
        assertThat(StageMedianFunction.median(new long[] {4, 1, 3, 2, 99}, 4)).isEqualTo(2);
        assertThat(StageMedianFunction.median(new long[] {5, 1, 3}, 3)).isEqualTo(3);
    }

    private void stay(String tenant, String stage, int hours, double endedOnDay) throws Exception {
        long endedAt = day(endedOnDay).toEpochMilli();
        harness.processElement(new StageStay(tenant, stage, hours * HOUR, endedAt), endedAt);
    }
}
