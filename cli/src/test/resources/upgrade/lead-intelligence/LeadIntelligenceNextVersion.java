package com.crmautopilot.upgradetest;

import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.models.event.CrmEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * Version N+1 of the lead-intelligence job, for the upgrade tests only (compiled at test time against the shaded
 * jar, never shipped): the real job, plus one stateful operator under a uid that version N never had. Restoring
 * N's savepoint into it must start that operator with empty state and leave every other operator's state intact.
 */
public final class LeadIntelligenceNextVersion {

    public static final String NEW_UID = "upgrade-probe-events-per-tenant";

    private LeadIntelligenceNextVersion() {
    }

    public static void main(String[] args) throws Exception {
        JobSettings settings = JobSettings.fromArgs(args);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LeadIntelligenceJob.jobConfiguration(settings));
        IngestionStreams streams = LeadIntelligenceJob.defineKafkaPipeline(env, settings);
        streams.events()
                .keyBy(new ByTenant())
                .process(new EventsPerTenant(), TypeInformation.of(CrmEvent.class))
                .uid(NEW_UID).name("upgrade probe: events per tenant")
                .sinkTo(new DiscardingSink<>())
                .uid(NEW_UID + "-sink").name("upgrade probe: discard");
        env.execute(LeadIntelligenceJob.JOB_NAME);
    }

    static final class ByTenant implements KeySelector<CrmEvent, String> {
        @Override
        public String getKey(CrmEvent event) {
            return event.tenantId();
        }
    }

    /** Counts each tenant's events in keyed state and passes them on unchanged. */
    static final class EventsPerTenant extends KeyedProcessFunction<String, CrmEvent, CrmEvent> {

        private transient ValueState<Long> seen;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("events-seen", Types.LONG));
        }

        @Override
        public void processElement(CrmEvent event, Context context, Collector<CrmEvent> out) throws Exception {
            Long count = seen.value();
            seen.update(count == null ? 1L : count + 1);
            out.collect(event);
        }
    }
}
