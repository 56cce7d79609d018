package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.config.TriggerCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.crmautopilot.cep.testing.Marks.*;
import static org.assertj.core.api.Assertions.assertThat;

class ReplyUnansweredTriggerTest extends LeadTriggerTestCase {

    private static final Instant TUESDAY_2PM = Instant.parse("2026-03-03T14:00:00Z");
    private static final Instant WEDNESDAY_2PM = Instant.parse("2026-03-04T14:00:00Z");
    private static final Instant SATURDAY_NOON = Instant.parse("2026-03-07T12:00:00Z");
    private static final Instant MONDAY_5PM = Instant.parse("2026-03-09T17:00:00Z");

    @Override
    protected LeadTrigger trigger(TriggerCatalog catalog) {
        return new ReplyUnansweredTrigger(catalog);
    }

    @Test
    void firesOneBusinessDayAfterAnUnansweredReply() throws Exception {
        send(assigned(TENANT, "lead-1", REP, TUESDAY_2PM.minusSeconds(60)));
        send(engagement(TENANT, "lead-1", "email.replied", TUESDAY_2PM));
        harness.watermark(WEDNESDAY_2PM.minusSeconds(1));
        assertThat(harness.newCandidates()).isEmpty();
        harness.watermark(WEDNESDAY_2PM);
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.triggerType()).isEqualTo("reply_unanswered");
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.facts()).containsEntry("request_type", "email.replied");
        });
    }

    @Test
    void aReplyOnSaturdayIsDueAtTheEndOfMonday() throws Exception {
        send(engagement(TENANT, "lead-1", "email.replied", SATURDAY_NOON));
        harness.watermark(MONDAY_5PM.minusSeconds(1));
        assertThat(harness.newCandidates()).isEmpty();
        harness.watermark(MONDAY_5PM);
        assertThat(harness.newCandidates()).hasSize(1);
    }

    @Test
    void anEmailBackAnswersIt() throws Exception {
        send(engagement(TENANT, "lead-1", "email.replied", TUESDAY_2PM));
        send(repTouch(TENANT, "lead-1", "email.sent", TUESDAY_2PM.plus(Duration.ofHours(3))));
        harness.watermark(WEDNESDAY_2PM.plus(Duration.ofDays(5)));
        assertThat(harness.newCandidates()).isEmpty();
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void aDisqualifiedLeadDoesNotFire() throws Exception {
        send(engagement(TENANT, "lead-1", "email.replied", TUESDAY_2PM));
        send(closed(TENANT, "lead-1", "lead.disqualified", TUESDAY_2PM.plusSeconds(60)));
        harness.watermark(WEDNESDAY_2PM.plus(Duration.ofDays(5)));
        assertThat(harness.newCandidates()).isEmpty();
    }
}
