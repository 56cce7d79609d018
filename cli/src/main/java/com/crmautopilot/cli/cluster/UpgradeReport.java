package com.crmautopilot.cli.cluster;

import java.time.Duration;

/**
 * What an upgrade did and what it cost.
 *
 * @param previousJobId  the job that was stopped
 * @param jobId          the job that now runs from the savepoint
 * @param savepointPath  the savepoint it restored from; it stays, so the previous version can be restored from it
 * @param savepointBytes the savepoint's size, or -1 when neither its filesystem nor the job's statistics say
 * @param savepointTime  from the stop request until the savepoint was reported complete
 * @param stopTime       from the stop request until the old job had finished (the savepoint complete too)
 * @param restoreTime    from the run request until every task of the new job ran, its state restored
 */
public record UpgradeReport(
        String previousJobId,
        String jobId,
        String savepointPath,
        long savepointBytes,
        Duration savepointTime,
        Duration stopTime,
        Duration restoreTime) {

    /** The time the job was not processing: stop, then restore. */
    public Duration downtime() {
        return stopTime.plus(restoreTime);
    }

    public String summary() {
        return "Upgraded job " + previousJobId + " to " + jobId + "\n"
                + "  savepoint     " + savepointPath + "\n"
                + "  size          " + (savepointBytes < 0 ? "unknown" : formatBytes(savepointBytes)) + "\n"
                + "  stop          " + stopTime.toMillis() + " ms (stop-with-savepoint until the job finished; "
                + "savepoint reported after " + savepointTime.toMillis() + " ms)\n"
                + "  restore       " + restoreTime.toMillis() + " ms (run until every task was running)\n"
                + "  downtime      " + downtime().toMillis() + " ms";
    }

    static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB (%d bytes)", bytes / 1024.0, bytes);
        }
        return String.format("%.1f MiB (%d bytes)", bytes / (1024.0 * 1024), bytes);
    }
}
