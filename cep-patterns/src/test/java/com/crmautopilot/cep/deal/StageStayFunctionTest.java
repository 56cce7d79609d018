package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.testing.LikeTheJobs;
import com.crmautopilot.models.event.CrmEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static org.assertj.core.api.Assertions.assertThat;

/** Completed stage stays, measured per deal. */
class StageStayFunctionTest {

    private static final LocalDate CLOSE = LocalDate.parse("2026-06-30");
    private static final long DAY = Duration.ofDays(1).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, DealSignal, StageStay> harness;

    @BeforeEach
    void open() throws Exception {
        harness = LikeTheJobs.opened(new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new StageStayFunction(Duration.ofDays(90), Duration.ofDays(7))),
                DealSignal.byOpportunity(), Types.STRING));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void measuresEachStayAndTheLastOneOfAWonDeal() throws Exception {
        send(deal().created(day(0), "prospecting", CLOSE), deal().stage(day(3), "prospecting", "qualification"),
                deal().stage(day(10), "qualification", "proposal"), deal().won(day(12)));

        assertThat(harness.extractOutputValues()).containsExactly(
                new StageStay(TENANT, "prospecting", 3 * DAY, day(3).toEpochMilli()),
                new StageStay(TENANT, "qualification", 7 * DAY, day(10).toEpochMilli()),
                new StageStay(TENANT, "proposal", 2 * DAY, day(12).toEpochMilli()));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(day(12 + 7).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLostDealsLastStayIsNotACompletedOne() throws Exception {
        send(deal().created(day(0), "prospecting", CLOSE), deal().lost(day(40)));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aCloseThatArrivesFirstKeepsTheDealsLateSignalsFromStartingAClock() throws Exception {
        send(deal().won(day(3)), deal().created(day(0), "prospecting", CLOSE),
                deal().stage(day(2), "prospecting", "qualification"));

        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(day(3 + 7).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aCreationThatArrivesAfterTheFirstStageChangeStillYieldsItsStay() throws Exception {
        send(deal().stage(day(4), "prospecting", "qualification"), deal().created(day(1), "prospecting", CLOSE),
                deal().stage(day(6), "qualification", "proposal"));

        assertThat(harness.extractOutputValues()).containsExactly(
                new StageStay(TENANT, "prospecting", 3 * DAY, day(4).toEpochMilli()),
                new StageStay(TENANT, "qualification", 2 * DAY, day(6).toEpochMilli()));
    }

    @Test
    void anOutOfOrderStageChangeDoesNotCorruptTheClock() throws Exception {
        send(deal().created(day(0), "prospecting", CLOSE), deal().stage(day(5), "qualification", "proposal"),
                deal().stage(day(3), "prospecting", "qualification"), deal().stage(day(9), "proposal", "negotiation"));

        assertThat(harness.extractOutputValues()).containsExactly(
                new StageStay(TENANT, "prospecting", 5 * DAY, day(5).toEpochMilli()),
                new StageStay(TENANT, "proposal", 4 * DAY, day(9).toEpochMilli()));
    }

    @Test
    void aSilentDealIsDroppedByItsOneTimer() throws Exception {
        send(deal().created(day(0), "prospecting", CLOSE), deal().stage(day(3), "prospecting", "qualification"));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(day(93).toEpochMilli());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private void send(CrmEvent... events) throws Exception {
        for (CrmEvent event : events) {
            harness.processElement(DealSignalExtractor.toSignal(event.eventType(), event), event.timestampMillis());
        }
    }
}
