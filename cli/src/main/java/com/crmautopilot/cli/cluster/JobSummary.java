package com.crmautopilot.cli.cluster;

import org.apache.flink.api.common.JobStatus;

/**
 * One job in {@code GET /jobs/overview}. Unlike {@code GET /jobs/:jobid}, which the REST server caches for a few
 * seconds ({@code rest.cache.execution-graph.expiry}), this answer is current: waits and timings rely on it.
 *
 * @param tasksTotal    subtasks of the job
 * @param tasksRunning  subtasks running (their state restored)
 * @param tasksFinished subtasks finished (bounded sources)
 */
public record JobSummary(String id, String name, JobStatus state, long startTimeMillis,
                         int tasksTotal, int tasksRunning, int tasksFinished) {

    /** True once every subtask runs or has finished: the job is processing, its state restored. */
    public boolean allTasksRunning() {
        return state == JobStatus.RUNNING && tasksTotal > 0 && tasksRunning + tasksFinished == tasksTotal;
    }
}
