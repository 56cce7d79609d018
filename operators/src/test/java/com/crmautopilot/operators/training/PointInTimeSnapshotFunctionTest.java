package com.crmautopilot.operators.training;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.LeadFeatures;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.crmautopilot.operators.training.Profiles.LEAD;
import static com.crmautopilot.operators.training.Profiles.TENANT;
import static com.crmautopilot.operators.training.Profiles.day;
import static com.crmautopilot.operators.training.Profiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PointInTimeSnapshotFunctionTest {

    private static final SnapshotConfig EVERY_CHANGE =
            new SnapshotConfig(Duration.ofDays(30), SnapshotCadence.EVERY_CHANGE);

    private KeyedBroadcastOperatorTestHarness<String, LeadProfile, EndOfData, LabelledSnapshot> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void labelsEachSnapshotByWhetherTheLeadConvertsWithinTheHorizonAfterIt() throws Exception {
        open(EVERY_CHANGE, 200);

        feed(profile().version(1).atDay(0),
                profile().version(2).atDay(4).webVisits(1),
                profile().version(3).atDay(5).webVisits(2),
                profile().version(4).atDay(20).webVisits(3),
                profile().version(5).atDay(35).webVisits(3).converted());
        List<LabelledSnapshot> out = endOfInput();

        // Converts at day 35: within 30 days of day 5 (exactly 30) and day 20, not of days 0 and 4.
        assertThat(out).extracting(s -> s.at(), LabelledSnapshot::label).containsExactly(
                tuple(day(0), 0), tuple(day(4), 0), tuple(day(5), 1), tuple(day(20), 1));
        assertThat(out).extracting(LabelledSnapshot::tenantId, LabelledSnapshot::leadId)
                .containsOnly(tuple(TENANT, LEAD));
    }

    @Test
    void takesTheFeaturesFromTheProfileOfThatMomentAsLiveScoringWould() throws Exception {
        open(EVERY_CHANGE, 200);
        LeadProfile atDay4 = profile().version(2).atDay(4).webVisits(1).build();

        harness.processElement(profile().version(1).atDay(0).build(), day(0).toEpochMilli());
        harness.processElement(atDay4, day(4).toEpochMilli());
        harness.processElement(profile().version(3).atDay(9).webVisits(7).build(), day(9).toEpochMilli());
        List<LabelledSnapshot> out = endOfInput();

        LabelledSnapshot snapshot = out.get(1);
        assertThat(snapshot.profileVersion()).isEqualTo(2);
        assertThat(snapshot.features()).isEqualTo(LeadFeatures.from(atDay4, day(4)));
        assertThat(snapshot.features().numbers()[LeadFeatures.template().indexOf(LeadFeatures.WEB_VISITS_30D)])
                .isEqualTo(1.0);
    }

    @Test
    void leavesOutSnapshotsWhoseHorizonReachesPastTheirTenantsEndOfData() throws Exception {
        open(EVERY_CHANGE, 50);
        harness.processBroadcastElement(new EndOfData("globex", day(400).toEpochMilli()), 0);

        feed(profile().version(1).atDay(10),
                profile().version(2).atDay(20).webVisits(1),
                profile().version(3).atDay(20.5).webVisits(2));
        List<LabelledSnapshot> out = endOfInput();

        // Day 20 + 30 = day 50: its horizon has just passed. Day 20.5 + 30 is beyond the data.
        assertThat(out).extracting(LabelledSnapshot::at).containsExactly(day(10), day(20));
        assertThat(out).extracting(LabelledSnapshot::label).containsOnly(0);
    }

    @Test
    void takesNoSnapshotOnceTheLeadIsDisqualifiedAndLabelsTheEarlierOnesNegative() throws Exception {
        open(EVERY_CHANGE, 200);

        feed(profile().version(1).atDay(0),
                profile().version(2).atDay(3).webVisits(1),
                profile().version(3).atDay(8).webVisits(1).disqualified(),
                profile().version(4).atDay(9).webVisits(2).disqualified());
        List<LabelledSnapshot> out = endOfInput();

        assertThat(out).extracting(LabelledSnapshot::at, LabelledSnapshot::label)
                .containsExactly(tuple(day(0), 0), tuple(day(3), 0));
    }

    @Test
    void takesNothingAfterTheConversionEvenIfTheLeadKeepsEngaging() throws Exception {
        open(EVERY_CHANGE, 200);

        feed(profile().version(1).atDay(0),
                profile().version(2).atDay(2).converted(),
                profile().version(3).atDay(3).webVisits(4).converted(),
                profile().version(4).asOfDay(40).converted());
        List<LabelledSnapshot> out = endOfInput();

        assertThat(out).extracting(LabelledSnapshot::at, LabelledSnapshot::label).containsExactly(tuple(day(0), 1));
    }

    @Test
    void collapsesChangesOfTheSameMomentToTheNewestVersionWhateverTheirOrder() throws Exception {
        open(EVERY_CHANGE, 200);

        feed(profile().version(1).atDay(0),
                profile().version(3).atDay(6).webVisits(2),
                profile().version(2).atDay(6).webVisits(1),
                profile().version(5).atDay(7).webVisits(2).converted(),
                profile().version(4).atDay(7).webVisits(3));
        List<LabelledSnapshot> out = endOfInput();

        // Version 4 shares day 7 with the conversion: that moment is the conversion, not a snapshot.
        assertThat(out).extracting(LabelledSnapshot::profileVersion, LabelledSnapshot::label)
                .containsExactly(tuple(1L, 1), tuple(3L, 1));
    }

    @Test
    void dailyCadenceKeepsTheFirstScoreChangingChangeOfEachUtcDay() throws Exception {
        open(new SnapshotConfig(Duration.ofDays(30), SnapshotCadence.DAILY), 200);

        // T0 is 09:00 UTC: day 0.5 is 21:00 the same day, day 0.7 is 01:48 the next.
        feed(profile().version(1).atDay(0),
                profile().version(2).atDay(0.1).webVisits(1),
                profile().version(3).atDay(0.5).webVisits(2),
                profile().version(4).atDay(0.7).webVisits(3),
                profile().version(5).atDay(0.8).webVisits(4),
                profile().version(6).atDay(3).webVisits(5));
        List<LabelledSnapshot> out = endOfInput();

        assertThat(out).extracting(LabelledSnapshot::profileVersion).containsExactly(1L, 4L, 6L);
    }

    @Test
    void skipsChangesThatLeaveEveryFeatureAsItWas() throws Exception {
        open(EVERY_CHANGE, 200);

        // A window expiry that drops a lapsed demo request from the 30-day count moves no feature: the lifetime
        // demo_requested flag and every recency stay as they were.
        feed(profile().version(1).atDay(0).demoRequested().demoRequests30d(1),
                profile().version(2).asOfDay(30).demoRequested().demoRequests30d(0),
                profile().version(3).atDay(31).demoRequested().webVisits(1));
        assertThat(endOfInput()).extracting(LabelledSnapshot::profileVersion).containsExactly(1L, 3L);

        open(EVERY_CHANGE, 200);
        feed(profile().version(1).atDay(0),
                profile().version(2).asOfDay(2).owner("user-02"),
                profile().version(3).asOfDay(4).webVisits(1));
        // Version 2 changes the clock only: as of day 2, it reads the same as version 1 does then.
        assertThat(endOfInput()).extracting(LabelledSnapshot::profileVersion).containsExactly(1L, 3L);
    }

    @Test
    void emitsNothingUntilTheInputIsDoneThenClearsAllStateAndItsTimer() throws Exception {
        open(EVERY_CHANGE, 200);
        feed(profile().version(1).atDay(0), profile().version(2).atDay(1).webVisits(1));
        feed(profile().lead(TENANT, "lead-2").version(1).atDay(0));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
        assertThat(numKeyedStateEntries()).isEqualTo(3);

        List<LabelledSnapshot> out = endOfInput();

        assertThat(out).extracting(LabelledSnapshot::leadId).containsExactlyInAnyOrder(LEAD, LEAD, "lead-2");
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(numKeyedStateEntries()).isZero();
    }

    private void open(SnapshotConfig config, double endOfDataDay) throws Exception {
        close();
        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new PointInTimeSnapshotFunction(config),
                        List.of(PointInTimeSnapshotFunction.END_OF_DATA)),
                PointInTimeSnapshotFunction.byLead(), Types.STRING, 1, 1, 0);
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig().configure(configuration, getClass().getClassLoader());
        harness.open();
        harness.processBroadcastElement(new EndOfData(TENANT, day(endOfDataDay).toEpochMilli()), 0);
    }

    private void feed(Profiles... profiles) throws Exception {
        for (Profiles p : profiles) {
            LeadProfile profile = p.build();
            harness.processElement(profile, profile.asOf().toEpochMilli());
        }
    }

    private List<LabelledSnapshot> endOfInput() throws Exception {
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(Long.MAX_VALUE);
        return harness.extractOutputValues();
    }

    private int numKeyedStateEntries() {
        KeyedStateBackend<Object> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        return ((HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }
}
