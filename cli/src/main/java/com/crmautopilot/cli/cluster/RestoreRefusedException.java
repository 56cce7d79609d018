package com.crmautopilot.cli.cluster;

import org.apache.flink.api.common.JobStatus;

/**
 * A job could not start from its savepoint because the savepoint holds state that no operator of the new job
 * claims: an operator lost its uid, or its uid changed. Flink refuses rather than drop that state; restoring
 * with allowNonRestoredState would drop it.
 */
public class RestoreRefusedException extends JobFailedException {

    /** What Flink says in this case (Checkpoints.loadAndValidateCheckpoint). */
    static final String FLINK_MESSAGE = "Cannot map checkpoint/savepoint state for operator";

    public RestoreRefusedException(String message, String jobId, String stackTrace) {
        super(message, jobId, JobStatus.FAILED, stackTrace);
    }

    static boolean describes(String stackTrace) {
        return stackTrace != null && stackTrace.contains(FLINK_MESSAGE);
    }
}
