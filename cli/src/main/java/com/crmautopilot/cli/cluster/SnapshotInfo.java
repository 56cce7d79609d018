package com.crmautopilot.cli.cluster;

/**
 * A checkpoint or savepoint as the job's checkpoint statistics report it ({@code GET /jobs/:jobid/checkpoints}).
 *
 * @param id           the checkpoint id
 * @param externalPath where it is stored
 * @param savepoint    true for a savepoint, false for a checkpoint
 * @param stateBytes   total state size, or -1 when the statistics do not say (a restored snapshot)
 */
public record SnapshotInfo(long id, String externalPath, boolean savepoint, long stateBytes) {
}
