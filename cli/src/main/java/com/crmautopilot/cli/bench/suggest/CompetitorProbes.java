package com.crmautopilot.cli.bench.suggest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.OpportunityCompetitorNoted;
import com.crmautopilot.models.event.payload.OpportunityCreated;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.SimulatedRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Latency probes for {@code bench suggest}: fresh deals, each created and then given a competitor a few records
 * later, woven into the simulated stream at a steady share. {@code competitor_detected} fires on the competitor event
 * itself (no waiting for event time), so the time from producing that event to its suggestion showing on
 * {@code ai.suggestions} is the end-to-end latency. The competitor record's {@link SimulatedRecord#eventId()} is
 * its deal's id, which is how the suggestion is matched back to it.
 */
final class CompetitorProbes {

    static final String DEAL_PREFIX = "bench-probe-deal-";
    /** Records between a probe deal's creation and its competitor, so they are not produced back to back. */
    private static final int GAP = 5;

    private CompetitorProbes() {
    }

    /**
     * The records with probes woven in: one probe deal per {@code every} records, on the tenant and owner of the
     * record it follows, at that record's event time (so the probes are never late and never run ahead).
     */
    static List<SimulatedRecord> weave(List<SimulatedRecord> records, int every, String ownerOf) {
        List<SimulatedRecord> out = new ArrayList<>(records.size() + 2 * records.size() / every + 2);
        List<SimulatedRecord> pending = new ArrayList<>();
        List<Integer> dueAt = new ArrayList<>();
        int probe = 0;
        for (int i = 0; i < records.size(); i++) {
            SimulatedRecord record = records.get(i);
            out.add(record);
            for (int p = pending.size() - 1; p >= 0; p--) {
                if (dueAt.get(p) <= i) {
                    SimulatedRecord due = pending.remove(p);
                    dueAt.remove(p);
                    out.add(at(due, record.eventTimeMillis()));
                }
            }
            if (i % every == every - 1 && record.isClean()) {
                String deal = DEAL_PREFIX + probe++;
                long at = record.eventTimeMillis();
                out.add(created(record.tenantId(), deal, ownerOf, at));
                pending.add(competitor(record.tenantId(), deal, ownerOf, at));
                dueAt.add(i + GAP);
            }
        }
        return out;
    }

    static boolean isProbe(String entityId) {
        return entityId != null && entityId.startsWith(DEAL_PREFIX);
    }

    private static SimulatedRecord created(String tenant, String deal, String owner, long at) {
        Instant when = Instant.ofEpochMilli(at);
        CrmEvent event = CrmEvent.builder(tenant, deal + "-created", EventType.OPPORTUNITY_CREATED, when)
                .opportunity(deal).user(owner)
                .payload(new OpportunityCreated("Probe " + deal, 50_000.0, "USD", "qualification",
                        LocalDate.ofInstant(when, ZoneOffset.UTC).plusDays(90), owner))
                .build();
        return record(tenant, deal, deal + "-created", event, at);
    }

    private static SimulatedRecord competitor(String tenant, String deal, String owner, long at) {
        CrmEvent event = CrmEvent.builder(tenant, deal + "-competitor", EventType.OPPORTUNITY_COMPETITOR_NOTED,
                        Instant.ofEpochMilli(at))
                .opportunity(deal).user(owner)
                .payload(new OpportunityCompetitorNoted("Globex"))
                .build();
        // the latency recorder's key: the deal, which the suggestion names as its entity
        return record(tenant, deal, deal, event, at);
    }

    /** The same probe at a later event time: that of the record it now follows. */
    private static SimulatedRecord at(SimulatedRecord probe, long at) {
        CrmEvent event = Json.read(probe.value(), CrmEvent.class);
        CrmEvent moved = new CrmEvent(event.eventId(), event.tenantId(), event.type(), Instant.ofEpochMilli(at),
                event.schemaVersion(), event.leadId(), event.contactId(), event.accountId(), event.opportunityId(),
                event.campaignId(), event.userId(), event.payload());
        return record(probe.tenantId(), event.opportunityId(), probe.eventId(), moved, at);
    }

    private static SimulatedRecord record(String tenant, String deal, String recorderKey, CrmEvent event, long at) {
        return new SimulatedRecord(tenant + ":" + deal, Json.writeBytes(event), tenant, recorderKey, at, null, false);
    }
}
