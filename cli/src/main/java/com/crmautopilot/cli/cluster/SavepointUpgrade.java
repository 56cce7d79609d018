package com.crmautopilot.cli.cluster;

import org.apache.flink.api.common.JobStatus;

import java.time.Duration;

/**
 * Upgrades a running job the way production does it: stop it with a savepoint, then start the new version from
 * that savepoint. The new jar is uploaded by the caller before the stop, so the downtime excludes the upload and a
 * failed upload leaves the old job running.
 */
public final class SavepointUpgrade {

    private SavepointUpgrade() {
    }

    /**
     * @param jobId           the running job
     * @param jarId           the uploaded jar to run: the new version, or the same jar again
     * @param next            how to run it; its savepoint path is set here
     * @param targetDirectory where the savepoint goes; null for the cluster's execution.checkpointing.savepoint-dir
     * @param timeout         for each of the two phases
     * @throws RestoreRefusedException if the new job cannot map the savepoint's state; the old job is stopped by
     *                                 then, and the savepoint in the message restores the old version
     */
    public static UpgradeReport run(FlinkRestClient rest, String jobId, String jarId, RunRequest next,
                                    String targetDirectory, Duration timeout) {
        JobStatus state = rest.jobState(jobId);
        if (state != JobStatus.RUNNING) {
            throw new IllegalStateException("Job " + jobId + " is " + state + ", not RUNNING: nothing to upgrade");
        }

        long stopStart = System.nanoTime();
        String trigger = rest.stopWithSavepoint(jobId, targetDirectory, false);
        String savepoint = rest.awaitSavepoint(jobId, trigger, timeout);
        Duration savepointTime = Duration.ofNanos(System.nanoTime() - stopStart);
        JobStatus ended = rest.awaitTerminal(jobId, timeout);
        Duration stopTime = Duration.ofNanos(System.nanoTime() - stopStart);
        if (ended != JobStatus.FINISHED) {
            throw new IllegalStateException("Job " + jobId + " ended as " + ended + " after its savepoint " + savepoint);
        }
        long bytes = SavepointSize.onDisk(savepoint)
                .orElseGet(() -> rest.latestSavepoint(jobId).map(SnapshotInfo::stateBytes).orElse(-1L));

        long restoreStart = System.nanoTime();
        String newJobId;
        try {
            newJobId = rest.run(jarId, next.fromSavepoint(savepoint));
            rest.awaitRunning(newJobId, timeout);
        } catch (RestoreRefusedException e) {
            throw new RestoreRefusedException(e.getMessage() + ". The previous version is stopped; its savepoint "
                    + savepoint + " restores it", e.jobId(), e.stackTrace());
        }
        Duration restoreTime = Duration.ofNanos(System.nanoTime() - restoreStart);
        return new UpgradeReport(jobId, newJobId, savepoint, bytes, savepointTime, stopTime, restoreTime);
    }
}
