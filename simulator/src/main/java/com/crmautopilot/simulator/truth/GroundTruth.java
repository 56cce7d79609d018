package com.crmautopilot.simulator.truth;

import com.crmautopilot.simulator.SimulatorConfig;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything the simulator knows and the stream only hints at. It describes what was emitted: a lead appears
 * once its {@code lead.created} was emitted, {@code converted} only if its {@code lead.converted} was.
 *
 * @param complete        false when the run stopped at {@code maxRecords} before the period ended
 * @param records         records emitted, noise included (the last line number of {@code events.jsonl})
 * @param cleanEvents     original valid events among them
 * @param eventTypeCounts clean events per type
 */
public record GroundTruth(
        SimulatorConfig config,
        boolean complete,
        long records,
        long cleanEvents,
        SortedMap<String, Long> eventTypeCounts,
        List<LeadTruth> leads,
        List<DealTruth> deals,
        List<VariantTruth> variants,
        List<AccountTruth> accounts,
        List<RepTruth> reps,
        List<DefectTruth> defects,
        List<DuplicateTruth> duplicates,
        List<OutOfOrderTruth> outOfOrder) {

    public GroundTruth {
        leads = List.copyOf(leads);
        deals = List.copyOf(deals);
        variants = List.copyOf(variants);
        accounts = List.copyOf(accounts);
        reps = List.copyOf(reps);
        defects = List.copyOf(defects);
        duplicates = List.copyOf(duplicates);
        outOfOrder = List.copyOf(outOfOrder);
    }
}
