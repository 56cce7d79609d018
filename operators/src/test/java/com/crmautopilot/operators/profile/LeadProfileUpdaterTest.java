package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.LeadProfile;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static com.crmautopilot.operators.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class LeadProfileUpdaterTest {

    private final LeadProfileUpdater updater = new LeadProfileUpdater(LeadProfileConfig.defaults());

    @Test
    void theProfileDoesNotDependOnArrivalOrder() {
        List<CrmEvent> events = randomHistory(new Random(11), 120);
        LeadProfile inOrder = fold(sortedByTime(events));

        Random shuffler = new Random(5);
        for (int round = 0; round < 20; round++) {
            List<CrmEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, shuffler);
            assertThat(fold(shuffled)).as("round %d", round).isEqualTo(inOrder);
        }
        assertThat(inOrder.totalEvents()).isEqualTo(120);
        assertThat(inOrder.responseCount()).isPositive();
    }

    @Test
    void settlingRepliesAtTheWatermarkKeepsTheirPairing() {
        LeadProfileState state = LeadProfileUpdater.newState(TENANT, LEAD);
        updater.accept(state, leadEvent(EventType.EMAIL_SENT, T0), Long.MIN_VALUE);
        updater.accept(state, leadEvent(EventType.EMAIL_REPLIED, at(Duration.ofMinutes(10))), Long.MIN_VALUE);
        LeadProfile before = updater.content(state);

        updater.settleResponses(state, millis(at(Duration.ofHours(1))));

        assertThat(updater.content(state)).isEqualTo(before);
        assertThat(state.unsettledReplies).isEmpty();
        assertThat(state.unsettledOutbounds).isEmpty();
        assertThat(state.settledResponseSeconds).isEqualTo(600);
    }

    @Test
    void reportsAChangeExactlyWhenTheContentChanges() {
        // The operator emits on these flags instead of comparing profiles: they must never miss or invent a change.
        Random random = new Random(23);
        List<CrmEvent> events = randomHistory(random, 200);
        Collections.shuffle(events, random);
        LeadProfileState state = LeadProfileUpdater.newState(TENANT, LEAD);
        long watermark = Long.MIN_VALUE;
        int expiries = 0;
        for (CrmEvent event : events) {
            if (event.timestampMillis() <= watermark) {
                continue; // late: the operator never applies it
            }
            LeadProfile before = updater.content(state);
            updater.accept(state, event, watermark);
            assertThat(updater.content(state)).isNotEqualTo(before);

            long later = Math.max(state.asOf, event.timestampMillis()) + Duration.ofDays(random.nextInt(20)).toMillis();
            before = updater.content(state);
            boolean changed = updater.advanceTo(state, later);
            assertThat(updater.content(state).equals(before)).as("advanceTo reported %s", changed).isEqualTo(!changed);
            expiries += changed ? 1 : 0;

            watermark = Math.max(watermark, event.timestampMillis() - Duration.ofHours(random.nextInt(48)).toMillis());
            before = updater.content(state);
            updater.settleResponses(state, watermark);
            assertThat(updater.content(state)).isEqualTo(before);
        }
        assertThat(expiries).as("the history exercises expiry").isPositive();
    }

    @Test
    void keepsOneWindowEntryPerBucketAndCounter() {
        LeadProfileState state = LeadProfileUpdater.newState(TENANT, LEAD);
        updater.accept(state, leadEvent(EventType.WEB_VISIT, T0.plusSeconds(50)), Long.MIN_VALUE);
        updater.accept(state, leadEvent(EventType.EMAIL_OPENED, T0.plusSeconds(10)), Long.MIN_VALUE);
        updater.accept(state, leadEvent(EventType.WEB_VISIT, T0.plusSeconds(20)), Long.MIN_VALUE);
        updater.accept(state, leadEvent(EventType.WEB_VISIT, at(Duration.ofMinutes(1))), Long.MIN_VALUE);

        assertThat(state.windowStarts).containsExactly(millis(T0), millis(T0), millis(at(Duration.ofMinutes(1))));
        assertThat(state.windowCounters).containsExactly((byte) WindowCounter.EMAIL_OPENS.ordinal(),
                (byte) WindowCounter.WEB_VISITS.ordinal(), (byte) WindowCounter.WEB_VISITS.ordinal());
        assertThat(state.windowCounts).containsExactly(1, 2, 1);
        assertThat(updater.windowCount(state, WindowCounter.WEB_VISITS)).isEqualTo(3);
    }

    @Test
    void theStateSurvivesFlinksPojoSerializer() throws Exception {
        LeadProfileState state = LeadProfileUpdater.newState(TENANT, LEAD);
        for (CrmEvent event : randomHistory(new Random(3), 60)) {
            updater.accept(state, event, Long.MIN_VALUE);
        }
        TypeSerializer<LeadProfileState> serializer =
                LeadProfileFunction.STATE_TYPE.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(state, out);
        LeadProfileState copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(serializer).isInstanceOf(PojoSerializer.class);
        assertThat(updater.content(copy)).isEqualTo(updater.content(state));
        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
    }

    private LeadProfile fold(List<CrmEvent> events) {
        LeadProfileState state = LeadProfileUpdater.newState(TENANT, LEAD);
        for (CrmEvent event : events) {
            updater.accept(state, event, Long.MIN_VALUE);
        }
        return updater.content(state);
    }

    private static List<CrmEvent> sortedByTime(List<CrmEvent> events) {
        List<CrmEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(CrmEvent::occurredAt));
        return sorted;
    }

    /** Distinct timestamps, so that "newest wins" has no ties to break. */
    private static List<CrmEvent> randomHistory(Random random, int count) {
        EventType[] types = {EventType.EMAIL_SENT, EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED,
                EventType.EMAIL_REPLIED, EventType.WEB_VISIT, EventType.CALL_LOGGED, EventType.DEMO_REQUESTED,
                EventType.CONTENT_DOWNLOADED, EventType.FORM_SUBMITTED, EventType.MEETING_LOGGED};
        List<CrmEvent> events = new ArrayList<>();
        events.add(created(T0, "Jane Roe", "Engineer", "Initech", 250));
        for (int i = 1; i < count - 2; i++) {
            Duration offset = Duration.ofMinutes(i * 97L + random.nextInt(90));
            events.add(leadEvent(types[random.nextInt(types.length)], at(offset)));
        }
        events.add(updated(at(Duration.ofDays(3)), "CTO", 300));
        events.add(updated(at(Duration.ofDays(4)), "CEO", null));
        return events;
    }
}
