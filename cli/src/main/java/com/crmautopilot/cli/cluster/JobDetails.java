package com.crmautopilot.cli.cluster;

import org.apache.flink.api.common.JobStatus;

import java.util.List;
import java.util.Map;

/** A job and its vertices ({@code GET /jobs/:jobid}). */
public record JobDetails(String id, String name, JobStatus state, List<Vertex> vertices) {

    public JobDetails {
        vertices = List.copyOf(vertices);
    }

    /**
     * True once every subtask runs (or, for a bounded source, already finished). A job is RUNNING as soon as it
     * is scheduled, but its tasks restore state first (INITIALIZING): only this says the restore is done.
     */
    public boolean allTasksRunning() {
        return state == JobStatus.RUNNING && !vertices.isEmpty() && vertices.stream().allMatch(Vertex::allTasksRunning);
    }

    /**
     * @param tasks subtask count per execution state name (RUNNING, INITIALIZING, FINISHED, ...)
     */
    public record Vertex(String id, String name, int parallelism, Map<String, Integer> tasks) {

        public Vertex {
            tasks = Map.copyOf(tasks);
        }

        public boolean allTasksRunning() {
            return tasks.getOrDefault("RUNNING", 0) + tasks.getOrDefault("FINISHED", 0) == parallelism;
        }
    }
}
