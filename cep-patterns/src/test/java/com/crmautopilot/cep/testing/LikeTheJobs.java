package com.crmautopilot.cep.testing;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Operator harnesses set up as the jobs set up their environment, so what the jobs would reject fails here first. */
public final class LikeTheJobs {

    private LikeTheJobs() {
    }

    /** No Kryo fallback, as in the jobs: every state and record type needs a Flink serializer of its own. */
    public static void noGenericTypes(ExecutionConfig config) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        config.configure(configuration, LikeTheJobs.class.getClassLoader());
    }

    /** {@code harness}, configured with {@link #noGenericTypes} and opened. */
    public static <H extends AbstractStreamOperatorTestHarness<?>> H opened(H harness) throws Exception {
        noGenericTypes(harness.getExecutionConfig());
        harness.open();
        return harness;
    }
}
