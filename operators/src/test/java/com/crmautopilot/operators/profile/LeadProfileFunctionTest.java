package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.keys.TenantKeys;
import com.crmautopilot.operators.testing.Harnesses;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.crmautopilot.models.event.EventType.*;
import static com.crmautopilot.operators.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class LeadProfileFunctionTest {

    private static final Duration RETENTION = Duration.ofDays(365);

    private KeyedOneInputStreamOperatorTestHarness<String, CrmEvent, LeadProfile> harness;
    private int consumed;

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void countsDropExactlyWhenTheirBucketLeavesTheWindow() throws Exception {
        open(LeadProfileConfig.defaults());
        Instant openedAt = T0.plusSeconds(30); // in the bucket that starts at T0
        Instant clickedAt = at(Duration.ofDays(2));
        process(leadEvent(EMAIL_OPENED, openedAt));
        process(leadEvent(EMAIL_CLICKED, clickedAt));
        assertThat(last().emailOpens30d()).isEqualTo(1);
        assertThat(last().emailClicks30d()).isEqualTo(1);
        assertThat(last().windowExpiresAt()).as("the open's bucket leaves first").isEqualTo(T0.plus(WINDOW));
        newProfiles();

        harness.processWatermark(millis(T0.plus(WINDOW)) - 1);
        assertThat(newProfiles()).as("the open is still inside the window").isEmpty();

        harness.processWatermark(millis(T0.plus(WINDOW)));
        List<LeadProfile> expired = newProfiles();
        assertThat(expired).hasSize(1);
        LeadProfile afterExpiry = expired.get(0);
        assertThat(afterExpiry.trigger()).isEqualTo(LeadProfile.TRIGGER_WINDOW_EXPIRY);
        assertThat(afterExpiry.triggerEventId()).isNull();
        assertThat(afterExpiry.asOf()).isEqualTo(T0.plus(WINDOW));
        assertThat(afterExpiry.emailOpens30d()).isZero();
        assertThat(afterExpiry.emailClicks30d()).isEqualTo(1);
        assertThat(afterExpiry.totalEvents()).as("lifetime fields keep it").isEqualTo(2);
        assertThat(afterExpiry.version()).isEqualTo(3);
        assertThat(afterExpiry.windowExpiresAt()).isEqualTo(clickedAt.plus(WINDOW));

        harness.processWatermark(millis(clickedAt.plus(WINDOW)));
        LeadProfile empty = newProfiles().get(0);
        assertThat(empty.emailClicks30d()).isZero();
        assertThat(empty.asOf()).isEqualTo(clickedAt.plus(WINDOW));
        assertThat(empty.windowExpiresAt()).as("nothing left to expire").isNull();
    }

    @Test
    void aWatermarkJumpExpiresEveryPassedBucketInOrderWithAProfileEach() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(EMAIL_OPENED, T0));
        process(leadEvent(WEB_VISIT, at(Duration.ofMinutes(1))));
        process(leadEvent(EMAIL_CLICKED, at(Duration.ofHours(2))));
        newProfiles();

        harness.processWatermark(millis(at(Duration.ofHours(1)).plus(WINDOW)));

        List<LeadProfile> expired = newProfiles();
        assertThat(expired).extracting(LeadProfile::asOf)
                .containsExactly(T0.plus(WINDOW), at(Duration.ofMinutes(1)).plus(WINDOW));
        assertThat(expired).extracting(LeadProfile::version).containsExactly(4L, 5L);
        assertThat(expired).extracting(LeadProfile::emailOpens30d, LeadProfile::webVisits30d,
                        LeadProfile::emailClicks30d)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 1),
                        org.assertj.core.groups.Tuple.tuple(0, 0, 1));
        assertThat(harness.numEventTimeTimers()).as("the next expiry, still one per lead").isEqualTo(1);

        harness.processWatermark(millis(at(Duration.ofHours(2)).plus(WINDOW)));
        assertThat(newProfiles()).singleElement().extracting(LeadProfile::emailClicks30d).isEqualTo(0);
    }

    @Test
    void keepsExactlyOneTimerPerLeadAndReplacesIt() throws Exception {
        open(LeadProfileConfig.defaults());
        process(created(T0, "Jane Roe", "CTO", "Initech", 250));
        assertThat(harness.numEventTimeTimers()).as("retention timer").isEqualTo(1);

        process(leadEvent(WEB_VISIT, at(Duration.ofHours(1))));
        process(leadEvent(EMAIL_OPENED, at(Duration.ofHours(2))));
        process(leadEvent(TENANT, OTHER_LEAD, EMAIL_OPENED, at(Duration.ofHours(3))));
        assertThat(harness.numEventTimeTimers()).as("one per lead").isEqualTo(2);

        // Two timers for two leads: lead-1's retention timer was deleted when its first bucket appeared.
        harness.processWatermark(millis(at(Duration.ofHours(1)).plus(WINDOW)));
        List<LeadProfile> expired = newProfilesAfter(4);
        assertThat(expired).extracting(LeadProfile::leadId, LeadProfile::webVisits30d, LeadProfile::emailOpens30d)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LEAD, 0, 1));
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
    }

    @Test
    void parksLateEventsAndLeavesTheProfileUnchanged() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(EMAIL_OPENED, at(Duration.ofHours(1))));
        harness.processWatermark(millis(at(Duration.ofHours(1))));
        CrmEvent late = leadEvent(EMAIL_CLICKED, at(Duration.ofMinutes(30)));
        CrmEvent onTheWatermark = leadEvent(EMAIL_CLICKED, at(Duration.ofHours(1)));

        process(late);
        process(onTheWatermark);
        process(leadEvent(WEB_VISIT, at(Duration.ofHours(2))));

        List<DeadLetter> lateLetters = harness.getSideOutput(LeadProfileFunction.LATE_EVENTS).stream()
                .map(StreamRecord::getValue).toList();
        assertThat(lateLetters).extracting(DeadLetter::reason).containsOnly(DeadLetterReason.LATE);
        assertThat(lateLetters).extracting(DeadLetter::eventId).containsExactly(late.eventId(), onTheWatermark.eventId());
        List<LeadProfile> profiles = harness.extractOutputValues();
        assertThat(profiles).extracting(LeadProfile::version).containsExactly(1L, 2L);
        assertThat(last().emailClicks30d()).isZero();
        assertThat(last().totalEvents()).isEqualTo(2);
    }

    @Test
    void pairsEachReplyWithTheLatestOutboundTouchBeforeIt() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(EMAIL_SENT, T0));
        process(leadEvent(CALL_LOGGED, at(Duration.ofHours(1))));
        process(leadEvent(EMAIL_REPLIED, at(Duration.ofHours(3))));
        assertThat(last().responseCount()).isEqualTo(1);
        assertThat(last().responseSecondsTotal()).isEqualTo(2 * 3600);

        harness.processWatermark(millis(at(Duration.ofHours(4)))); // settles the first reply
        process(leadEvent(EMAIL_SENT, at(Duration.ofHours(5))));
        process(leadEvent(EMAIL_REPLIED, at(Duration.ofHours(5).plusMinutes(30))));

        assertThat(last().responseCount()).isEqualTo(2);
        assertThat(last().responseSecondsTotal()).isEqualTo(2 * 3600 + 1800);
        assertThat(last().meanResponseSeconds()).isEqualTo(4500.0);
        assertThat(last().emailsSent30d()).isEqualTo(2);
        assertThat(last().callsMeetings30d()).isEqualTo(1);
        assertThat(last().emailReplies30d()).isEqualTo(2);
    }

    @Test
    void rePairsAReplyWhenAnEarlierOutboundTouchArrivesOutOfOrder() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(EMAIL_REPLIED, at(Duration.ofHours(2))));
        assertThat(last().responseCount()).as("nothing to pair with yet").isZero();

        process(leadEvent(EMAIL_SENT, T0));
        assertThat(last().responseSecondsTotal()).isEqualTo(2 * 3600);

        process(leadEvent(EMAIL_SENT, at(Duration.ofHours(1))));
        assertThat(last().responseCount()).isEqualTo(1);
        assertThat(last().responseSecondsTotal()).isEqualTo(3600);
    }

    @Test
    void keepsAttributesFromTheNewestLifecycleEvent() throws Exception {
        open(LeadProfileConfig.defaults());
        process(created(T0, "Jane Roe", "Engineer", "Initech", 250));
        process(updated(at(Duration.ofDays(2)), "CTO", null));
        process(updated(at(Duration.ofDays(1)), "VP Engineering", 300)); // older: must not undo the title
        process(assigned(at(Duration.ofDays(3)), "rep-7"));
        process(leadEvent(LEAD_CONVERTED, at(Duration.ofDays(4))));

        LeadProfile profile = last();
        assertThat(profile.name()).isEqualTo("Jane Roe");
        assertThat(profile.title()).isEqualTo("CTO");
        assertThat(profile.companySize()).isEqualTo(300);
        assertThat(profile.company()).isEqualTo("Initech");
        assertThat(profile.industry()).isEqualTo("software");
        assertThat(profile.country()).isEqualTo("DE");
        assertThat(profile.source()).isEqualTo("paid");
        assertThat(profile.campaignId()).isEqualTo("spring-webinar");
        assertThat(profile.ownerId()).isEqualTo("rep-7");
        assertThat(profile.status()).isEqualTo(LeadProfile.STATUS_CONVERTED);
        assertThat(profile.trigger()).isEqualTo("lead.converted");
        assertThat(profile.version()).isEqualTo(5);
        assertThat(profile.profileId()).isEqualTo(LeadProfile.profileId(TENANT, LEAD, 5));
    }

    @Test
    void tracksTouchesActivityAndDemoRequests() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(EMAIL_SENT, T0));
        assertThat(last().lastTouchAt()).as("our email is not their touch").isNull();
        process(leadEvent(DEMO_REQUESTED, at(Duration.ofHours(1))));
        process(leadEvent(EMAIL_DELIVERED, at(Duration.ofHours(2))));

        LeadProfile profile = last();
        assertThat(profile.firstTouchAt()).isEqualTo(T0);
        assertThat(profile.lastTouchAt()).isEqualTo(at(Duration.ofHours(1)));
        assertThat(profile.lastActivityAt()).isEqualTo(at(Duration.ofHours(2)));
        assertThat(profile.demoRequested()).isTrue();
        assertThat(profile.lastDemoRequestAt()).isEqualTo(at(Duration.ofHours(1)));
        assertThat(profile.demoRequests30d()).isEqualTo(1);
        assertThat(profile.asOf()).isEqualTo(at(Duration.ofHours(2)));
    }

    @Test
    void countsEventsOlderThanTheWindowInLifetimeFieldsOnly() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(WEB_VISIT, at(Duration.ofDays(40))));
        process(leadEvent(EMAIL_OPENED, T0)); // no watermark yet, so not late, but 40 days behind asOf

        LeadProfile profile = last();
        assertThat(profile.emailOpens30d()).isZero();
        assertThat(profile.webVisits30d()).isEqualTo(1);
        assertThat(profile.totalEvents()).isEqualTo(2);
        assertThat(profile.firstTouchAt()).isEqualTo(T0);
        assertThat(profile.lastTouchAt()).isEqualTo(at(Duration.ofDays(40)));
        assertThat(profile.asOf()).isEqualTo(at(Duration.ofDays(40)));
    }

    @Test
    void dropsAllStateOnceAConvertedLeadsWindowIsEmpty() throws Exception {
        open(LeadProfileConfig.defaults());
        process(created(T0, "Jane Roe", "CTO", "Initech", 250));
        process(leadEvent(EMAIL_OPENED, at(Duration.ofHours(1))));
        process(leadEvent(LEAD_CONVERTED, at(Duration.ofDays(3))));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(millis(at(Duration.ofHours(1)).plus(WINDOW)));

        assertThat(newProfilesAfter(3)).singleElement().satisfies(profile -> {
            assertThat(profile.trigger()).isEqualTo(LeadProfile.TRIGGER_WINDOW_EXPIRY);
            assertThat(profile.emailOpens30d()).isZero();
            assertThat(profile.status()).isEqualTo(LeadProfile.STATUS_CONVERTED);
        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void dropsAClosedLeadWithAnEmptyWindowOnceTheWatermarkPassesItsLastEvent() throws Exception {
        open(LeadProfileConfig.defaults());
        process(created(T0, "Jane Roe", "CTO", "Initech", 250));
        process(leadEvent(LEAD_DISQUALIFIED, at(Duration.ofDays(1))));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(millis(at(Duration.ofDays(1))) - 1);
        assertThat(harness.numKeyedStateEntries()).as("an event at the disqualification time may still come").isEqualTo(1);

        harness.processWatermark(millis(at(Duration.ofDays(1))));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(newProfilesAfter(2)).as("nothing changed, so nothing is emitted").isEmpty();
    }

    @Test
    void dropsAllStateAfterTheRetentionPeriodWithoutActivity() throws Exception {
        open(LeadProfileConfig.defaults());
        process(leadEvent(EMAIL_OPENED, T0));
        harness.processWatermark(millis(T0.plus(WINDOW)));
        assertThat(newProfilesAfter(1)).singleElement().extracting(LeadProfile::emailOpens30d).isEqualTo(0);
        assertThat(harness.numKeyedStateEntries()).as("an open lead outlives its window").isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(millis(T0.plus(RETENTION)) - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.processWatermark(millis(T0.plus(RETENTION)));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(newProfilesAfter(2)).isEmpty();
    }

    @Test
    void hourBucketsExpireAtTheStartOfTheHourPlusTheWindow() throws Exception {
        open(LeadProfileConfig.defaults().withBucket(Duration.ofHours(1)));
        process(leadEvent(WEB_VISIT, T0.plus(Duration.ofMinutes(59))));

        harness.processWatermark(millis(T0.plus(WINDOW)) - 1);
        assertThat(newProfilesAfter(1)).isEmpty();
        harness.processWatermark(millis(T0.plus(WINDOW)));
        assertThat(newProfilesAfter(1)).singleElement().extracting(LeadProfile::webVisits30d).isEqualTo(0);
    }

    private void open(LeadProfileConfig config) throws Exception {
        harness = Harnesses.keyed(new LeadProfileFunction(config, "crm.events"), TenantKeys.byLead());
    }

    private void process(CrmEvent event) throws Exception {
        harness.processElement(event, event.timestampMillis());
    }

    private LeadProfile last() {
        List<LeadProfile> profiles = harness.extractOutputValues();
        return profiles.get(profiles.size() - 1);
    }

    /** Profiles emitted since the previous call. */
    private List<LeadProfile> newProfiles() {
        List<LeadProfile> all = harness.extractOutputValues();
        List<LeadProfile> fresh = List.copyOf(all.subList(consumed, all.size()));
        consumed = all.size();
        return fresh;
    }

    private List<LeadProfile> newProfilesAfter(int alreadySeen) {
        consumed = alreadySeen;
        return newProfiles();
    }
}
