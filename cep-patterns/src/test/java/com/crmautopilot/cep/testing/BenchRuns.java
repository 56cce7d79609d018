package com.crmautopilot.cep.testing;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the opt-in throughput benches share, so that their numbers compare: the simulator's standard world without
 * noise as events, and a parallelism-1 job configured like the real ones (no Kryo fallback, explicit uids, object
 * reuse) reading them in event time.
 */
public final class BenchRuns {

    private BenchRuns() {
    }

    /** The simulator's standard world of {@code days} days, without noise, as the events the jobs read. */
    public static List<CrmEvent> standardWorld(int days) {
        return new Simulator(SimulatorConfig.builder().days(days).build().withoutNoise())
                .records()
                .map(SimulatedRecord::value)
                .map(bytes -> Json.read(bytes, CrmEvent.class))
                .toList();
    }

    /** A parallelism-1 environment configured like the jobs; {@code backend} null keeps the default one. */
    public static StreamExecutionEnvironment environment(String backend) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        if (backend != null) {
            configuration.set(StateBackendOptions.STATE_BACKEND, backend);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        return env;
    }

    /** {@code events} as a bounded source with the jobs' watermarks (15 minutes out of order). */
    public static DataStream<CrmEvent> eventTimeSource(StreamExecutionEnvironment env, List<CrmEvent> events) {
        return env.fromData(events, TypeInformation.of(CrmEvent.class))
                .uid("bench-events")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmEvent>forBoundedOutOfOrderness(
                        Duration.ofMinutes(15)).withTimestampAssigner((e, t) -> e.timestampMillis()))
                .uid("bench-event-time");
    }

    /** Runs the job behind {@code stream} to its end and returns all it emitted. */
    public static <T> List<T> collect(DataStream<T> stream, String jobName) throws Exception {
        try (CloseableIterator<T> it = stream.executeAndCollect(jobName)) {
            List<T> all = new ArrayList<>();
            it.forEachRemaining(all::add);
            return all;
        }
    }
}
