package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sorts decoded control records: model announcements and tenant-wide rescores go on (to be broadcast), single-lead
 * rescores to {@link #SINGLE_RESCORES} (to join the keyed input), dead letters to {@link #DEAD_LETTERS}.
 */
public final class ControlRouter extends ProcessFunction<ControlMessage, ControlMessage> {

    public static final OutputTag<LeadScoringInput> SINGLE_RESCORES =
            new OutputTag<>("single-lead-rescores", LeadScoringInput.TYPE);
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("control-dead-letters", TypeInformation.of(DeadLetter.class));

    @Override
    public void processElement(ControlMessage message, Context ctx, Collector<ControlMessage> out) {
        if (message.deadLetter() != null) {
            ctx.output(DEAD_LETTERS, message.deadLetter());
        } else if (message.isSingleLeadRescore()) {
            ctx.output(SINGLE_RESCORES, LeadScoringInput.of(message.command()));
        } else {
            out.collect(message);
        }
    }
}
