package com.crmautopilot.cep.deal;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.EmailOpened;
import com.crmautopilot.models.event.payload.WebVisit;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.crmautopilot.cep.deal.DealEvents.DEAL;
import static com.crmautopilot.cep.deal.DealEvents.DEAL_NAME;
import static com.crmautopilot.cep.deal.DealEvents.OWNER;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static org.assertj.core.api.Assertions.assertThat;

/** Condensing the firehose to deal signals. */
class DealSignalExtractorTest {

    @Test
    void keepsOnlyDealEventsAndParsesTheirPayloads() {
        List<DealSignal> signals = extract(
                deal().created(day(0), "qualification", LocalDate.parse("2026-02-01")),
                CrmEvent.builder(TENANT, "w-1", EventType.WEB_VISIT, day(1)).lead("lead-1")
                        .payload(new WebVisit("https://example.com/pricing", 30)).build(),
                CrmEvent.builder(TENANT, "o-1", EventType.EMAIL_OPENED, day(1)).contact("c-1").opportunity(DEAL)
                        .payload(new EmailOpened(null)).build(),
                CrmEvent.builder(TENANT, "m-1", EventType.MEETING_LOGGED, day(1)).contact("c-1").build(),
                deal().call(day(2), "c-1", "connected"),
                deal().call(day(2), "c-1", "voicemail"),
                deal().email(day(2), "c-1"),
                deal().contact(day(3), "c-2", "champion"),
                deal().competitor(day(3), "Zoho"),
                deal().closeDate(day(4), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-02-01")),
                deal().won(day(9)));

        assertThat(signals).extracting(DealSignal::kind).containsExactly(
                DealSignalKind.CREATED, DealSignalKind.TWO_WAY_TOUCH, DealSignalKind.ONE_WAY_TOUCH,
                DealSignalKind.ONE_WAY_TOUCH, DealSignalKind.CONTACT_ADDED, DealSignalKind.COMPETITOR_NOTED,
                DealSignalKind.CLOSE_DATE_CHANGED, DealSignalKind.CLOSED_WON);
        DealSignal created = signals.get(0);
        assertThat(created.key()).isEqualTo(com.crmautopilot.operators.keys.TenantKeys.of(TENANT, DEAL));
        assertThat(created.name()).isEqualTo(DEAL_NAME);
        assertThat(created.ownerId()).isEqualTo(OWNER);
        assertThat(created.stage()).isEqualTo("qualification");
        assertThat(created.closeEpochDay()).isEqualTo(LocalDate.parse("2026-02-01").toEpochDay());
        assertThat(created.at()).isEqualTo(day(0).toEpochMilli());
        assertThat(signals.get(4).role()).isEqualTo("champion");
        assertThat(signals.get(4).contactId()).isEqualTo("c-2");
        assertThat(signals.get(5).competitor()).isEqualTo("Zoho");
    }

    @Test
    void skipsAPayloadThatDoesNotParse() {
        CrmEvent broken = new CrmEvent("x-1", TENANT, "opportunity.stage_changed", day(1), 1, null, null, null, DEAL,
                null, null, "{\"to_stage\": {\"name\": 7}}");

        assertThat(extract(broken)).isEmpty();
    }

    private static List<DealSignal> extract(CrmEvent... events) {
        List<DealSignal> out = new ArrayList<>();
        DealSignalExtractor extractor = new DealSignalExtractor();
        for (CrmEvent event : events) {
            extractor.flatMap(event, new ListCollector<>(out));
        }
        return out;
    }
}
