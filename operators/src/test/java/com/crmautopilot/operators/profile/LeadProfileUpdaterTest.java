package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.LeadProfile;
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
        assertThat(state.pendingReplies).isEmpty();
        assertThat(state.recentOutbounds).isEmpty();
        assertThat(state.settledResponseSeconds).isEqualTo(600);
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
