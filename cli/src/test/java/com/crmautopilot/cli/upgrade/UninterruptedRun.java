package com.crmautopilot.cli.upgrade;

import java.util.List;

/**
 * Version N from scratch over a scenario's input topic, running beside the scenario's job on the other
 * TaskManager, never stopped or restored: what the scenario's job must reproduce. Its consumer group, output topics
 * and transactions are its own. Closing it cancels the job.
 */
final class UninterruptedRun implements AutoCloseable {

    private final UpgradeTestbed testbed;
    private final JobRun run;
    private final CommittedOutputs outputs;
    private final String jobId;

    private UninterruptedRun(UpgradeTestbed testbed, JobRun run, CommittedOutputs outputs, String jobId) {
        this.testbed = testbed;
        this.run = run;
        this.outputs = outputs;
        this.jobId = jobId;
    }

    /** Submits the job; it reads the topic as it fills. */
    static UninterruptedRun start(UpgradeTestbed testbed, UpgradeJobSpec spec, String inputTopic) {
        JobRun run = testbed.newRun(spec, inputTopic, "uninterrupted");
        CommittedOutputs outputs = testbed.watch(run);
        try {
            return new UninterruptedRun(testbed, run, outputs,
                    testbed.submitJob(spec, run, testbed.jobJar(), spec.mainClass(), null));
        } catch (RuntimeException e) {
            outputs.close();
            throw e;
        }
    }

    String jobId() {
        return jobId;
    }

    /** Everything it has committed once it has written all it will for the first {@code inputRecords} records. */
    List<CommittedOutputs.Output> outputsFor(long inputRecords) {
        testbed.jobs().awaitRunning(jobId);
        testbed.awaitDone(jobId, run, outputs, inputRecords);
        return outputs.all();
    }

    @Override
    public void close() {
        outputs.close();
        testbed.jobs().cancel(jobId);
    }
}
