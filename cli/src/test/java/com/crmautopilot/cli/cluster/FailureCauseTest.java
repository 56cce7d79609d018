package com.crmautopilot.cli.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCauseTest {

    private static final String REFUSED_RESTORE = """
            org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.
            \tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$4(JarRunHandler.java:123)
            Caused by: org.apache.flink.runtime.client.JobInitializationException: Could not start the JobMaster.
            \tat org.apache.flink.runtime.jobmaster.DefaultJobMasterServiceProcess.lambda$new$0(Unknown Source)
            \t... 4 more
            Caused by: java.lang.IllegalStateException: Failed to rollback to checkpoint/savepoint file:/sp. \
            Cannot map checkpoint/savepoint state for operator 5b61d6 to the new program.
            \tat org.apache.flink.runtime.checkpoint.Checkpoints.throwNonRestoredStateException(Checkpoints.java:251)
            """;

    @Test
    void findsTheInnermostCauseWithoutItsExceptionClass() {
        assertThat(FailureCause.rootMessage(REFUSED_RESTORE)).isEqualTo("Failed to rollback to checkpoint/savepoint "
                + "file:/sp. Cannot map checkpoint/savepoint state for operator 5b61d6 to the new program.");
    }

    @Test
    void findsTheOutermostMessage() {
        assertThat(FailureCause.firstMessage(REFUSED_RESTORE)).isEqualTo("Could not execute application.");
    }

    @Test
    void keepsAMessageThatHasNoExceptionClass() {
        assertThat(FailureCause.rootMessage("Job was cancelled: by the user")).isEqualTo("Job was cancelled: by the user");
        assertThat(FailureCause.rootMessage("  ")).isEqualTo("no failure cause reported");
    }

    @Test
    void recognisesARefusedRestore() {
        assertThat(RestoreRefusedException.describes(REFUSED_RESTORE)).isTrue();
        assertThat(RestoreRefusedException.describes("java.io.IOException: disk full")).isFalse();
    }
}
