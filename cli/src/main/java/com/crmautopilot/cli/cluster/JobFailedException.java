package com.crmautopilot.cli.cluster;

import org.apache.flink.api.common.JobStatus;

/** A job ended (or failed to start) in a state other than the one waited for. */
public class JobFailedException extends RuntimeException {

    private final String jobId;
    private final JobStatus state;
    private final String stackTrace;

    public JobFailedException(String message, String jobId, JobStatus state, String stackTrace) {
        super(message);
        this.jobId = jobId;
        this.state = state;
        this.stackTrace = stackTrace == null ? "" : stackTrace;
    }

    public String jobId() {
        return jobId;
    }

    public JobStatus state() {
        return state;
    }

    /** The failure as the cluster reported it, server-side stack trace included; empty when there was none. */
    public String stackTrace() {
        return stackTrace;
    }
}
