package com.crmautopilot.cli.cluster.testjob;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.flink.util.ParameterTool;

/**
 * A small unbounded stateful job for cluster tests: a rate-limited counter source, a keyed count, and a sink that
 * drops everything. Tests package it into a jar of its own at run time ({@code TestJobJar}), so the cluster loads it
 * the way it loads any user jar. {@code --counter-uid} changes the uid of the stateful operator, which is how a
 * test makes a savepoint's state unmappable.
 */
public final class CountingJob {

    public static final String DEFAULT_COUNTER_UID = "count-per-key";

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        String counterUid = params.get("counter-uid", DEFAULT_COUNTER_UID);
        double perSecond = params.getDouble("rate", 200);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataGeneratorSource<Long> numbers = new DataGeneratorSource<>(
                new Identity(), Long.MAX_VALUE, RateLimiterStrategy.perSecond(perSecond), Types.LONG);

        env.fromSource(numbers, WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .keyBy(new ModFour())
                .process(new CountPerKey()).uid(counterUid).name("count per key")
                .sinkTo(new DiscardingSink<>()).uid("discard").name("discard");
        env.execute("counting-job");
    }

    static final class Identity implements GeneratorFunction<Long, Long> {
        @Override
        public Long map(Long index) {
            return index;
        }
    }

    static final class ModFour implements KeySelector<Long, Long> {
        @Override
        public Long getKey(Long value) {
            return value % 4;
        }
    }

    static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(next);
        }
    }
}
