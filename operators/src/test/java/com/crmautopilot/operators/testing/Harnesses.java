package com.crmautopilot.operators.testing;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/** Operator harnesses configured like the jobs: no Kryo fallback for any type. */
public final class Harnesses {

    private Harnesses() {
    }

    public static <IN, OUT> KeyedOneInputStreamOperatorTestHarness<String, IN, OUT> keyed(
            KeyedProcessFunction<String, IN, OUT> function, KeySelector<IN, String> keySelector) throws Exception {
        return keyed(function, keySelector, null);
    }

    public static <IN, OUT> KeyedOneInputStreamOperatorTestHarness<String, IN, OUT> keyed(
            KeyedProcessFunction<String, IN, OUT> function, KeySelector<IN, String> keySelector,
            StateBackend stateBackend) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, IN, OUT> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), keySelector, Types.STRING);
        if (stateBackend != null) {
            harness.setStateBackend(stateBackend);
        }
        return open(harness);
    }

    public static <IN, OUT> OneInputStreamOperatorTestHarness<IN, OUT> plain(ProcessFunction<IN, OUT> function)
            throws Exception {
        return open(new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(function)));
    }

    private static <H extends AbstractStreamOperatorTestHarness<?>> H open(H harness) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig().configure(configuration, Harnesses.class.getClassLoader());
        harness.open();
        return harness;
    }
}
