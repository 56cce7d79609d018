package com.crmautopilot.cep.condense;

import com.crmautopilot.cep.testing.Events;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.EmailDelivered;
import com.crmautopilot.models.event.payload.EmailSent;
import com.crmautopilot.models.event.payload.OpportunityClosedWon;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CondensedMarksTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String TENANT = "acme";
    private final Events events = new Events();

    private static List<AccountMark> accountMarks(CrmEvent event) {
        List<AccountMark> marks = new ArrayList<>();
        new AccountMarks().flatMap(event, new Collector<>() {
            @Override
            public void collect(AccountMark record) {
                marks.add(record);
            }

            @Override
            public void close() {
            }
        });
        return marks;
    }

    @Test
    void leadEventsBecomeSmallMarksAndTheRestIsDropped() {
        LeadMark created = LeadMarks.of(events.leadCreated(TENANT, "lead-1", T0));
        assertThat(created.kind()).isEqualTo(LeadMarkKind.CREATED);
        assertThat(created.name()).isEqualTo("Lead lead-1");
        assertThat(created.key()).isEqualTo("4:acme:lead-1");
        assertThat(LeadMarks.of(events.leadAssigned(TENANT, "lead-1", "user-dana", T0)).ownerId())
                .isEqualTo("user-dana");
        assertThat(LeadMarks.of(events.emailOpened(TENANT, "lead-1", T0)).kind()).isEqualTo(LeadMarkKind.ENGAGEMENT);
        assertThat(LeadMarks.of(events.leadConverted(TENANT, "lead-1", T0)).kind()).isEqualTo(LeadMarkKind.CLOSED);

        assertThat(LeadMarks.of(events.heartbeat(TENANT, T0))).isNull();
        assertThat(LeadMarks.of(events.accountCall(TENANT, "acct-1", "user-dana", T0))).isNull();
        CrmEvent delivered = CrmEvent.builder(TENANT, "e-d", EventType.EMAIL_DELIVERED, T0).lead("lead-1")
                .payload(new EmailDelivered(null)).build();
        assertThat(LeadMarks.of(delivered)).isNull();
        CrmEvent campaignSend = CrmEvent.builder(TENANT, "e-c", EventType.EMAIL_SENT, T0).lead("lead-1")
                .campaign("camp-1").payload(new EmailSent("Spring offer", "v1")).build();
        assertThat(LeadMarks.of(campaignSend)).isNull();
        CrmEvent repSend = CrmEvent.builder(TENANT, "e-r", EventType.EMAIL_SENT, T0).lead("lead-1").user("user-dana")
                .payload(new EmailSent("Following up", null)).build();
        assertThat(LeadMarks.of(repSend).kind()).isEqualTo(LeadMarkKind.REP_TOUCH);
        assertThat(LeadMarks.of(repSend).actorUserId()).isEqualTo("user-dana");
    }

    @Test
    void accountEventsBecomeTouchesProfilesAndDealLifecycles() {
        assertThat(accountMarks(events.accountCall(TENANT, "acct-1", "user-dana", T0)))
                .singleElement().satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(AccountMarkKind.TOUCH);
                    assertThat(m.actorUserId()).isEqualTo("user-dana");
                });
        assertThat(accountMarks(events.accountUpdated(TENANT, "acct-1", "user-dana", false, T0)))
                .singleElement().satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(AccountMarkKind.PROFILE);
                    assertThat(m.hasRevenue()).isFalse();
                    assertThat(m.hasIndustry()).isTrue();
                    assertThat(m.hasSize()).isTrue();
                    assertThat(m.name()).isEqualTo("Account acct-1");
                });
        assertThat(accountMarks(events.opportunityCreated(TENANT, "acct-1", "opp-1", "user-dana", T0)))
                .extracting(AccountMark::kind)
                .containsExactly(AccountMarkKind.TOUCH, AccountMarkKind.OPPORTUNITY_OPENED);
        CrmEvent won = CrmEvent.builder(TENANT, "e-w", EventType.OPPORTUNITY_CLOSED_WON, T0).opportunity("opp-1")
                .account("acct-1").payload(new OpportunityClosedWon(1.0)).build();
        assertThat(accountMarks(won)).extracting(AccountMark::kind)
                .containsExactly(AccountMarkKind.TOUCH, AccountMarkKind.OPPORTUNITY_CLOSED);
        assertThat(accountMarks(events.heartbeat(TENANT, T0))).isEmpty();
        assertThat(accountMarks(events.emailOpened(TENANT, "lead-1", T0))).isEmpty();
    }

    @Test
    void marksAndStateRecordsAreFlinkPojosNotKryo() {
        for (Class<?> type : List.of(LeadMark.class, AccountMark.class,
                com.crmautopilot.cep.lead.LeadEntry.class, com.crmautopilot.cep.lead.LeadTouch.class,
                com.crmautopilot.cep.account.AccountProfile.class, com.crmautopilot.cep.account.AccountTouch.class,
                com.crmautopilot.cep.config.TriggerOverride.class,
                com.crmautopilot.models.suggest.SuggestionCandidate.class)) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }
}
