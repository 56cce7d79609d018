package com.crmautopilot.cli.cluster;

/** What {@code GET /overview} says about a session cluster. */
public record ClusterOverview(
        String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning) {
}
