package com.crmautopilot.cli.upgrade;

import com.crmautopilot.cli.cluster.FlinkRestClient;
import com.crmautopilot.cli.cluster.JobDetails;
import com.crmautopilot.cli.cluster.JobSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the upgrade tests do to and learn about running jobs through the REST API, beyond {@link FlinkRestClient}:
 * waiting with the failure's cause, which TaskManager runs a job, how far its source has read, and its failures.
 */
final class JobControl {

    private static final Logger LOG = LoggerFactory.getLogger(JobControl.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlinkRestClient rest;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newHttpClient();

    JobControl(FlinkRestClient rest, Duration timeout) {
        this.rest = rest;
        this.timeout = timeout;
    }

    /**
     * Waits until every task of the job runs. A job that fails while starting (a state it cannot restore, say) is
     * restarted by its restart strategy rather than failed, so the first failure ends the wait, with its cause.
     */
    void awaitRunning(String jobId) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            JobSummary job = rest.jobSummary(jobId);
            if (job.allTasksRunning()) {
                break;
            }
            if (job.state().isTerminalState()) {
                rest.awaitRunning(jobId, Duration.ofSeconds(1)); // throws, with the cluster's reason
            }
            List<String> failures = failures(jobId);
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Job " + jobId + " failed while starting (it is " + job.state()
                        + "): " + rootCause(failures.get(0)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Job " + jobId + " did not run all its tasks within " + timeout
                        + "; it is " + job.state() + ", free slots: " + rest.overview().slotsAvailable());
            }
            UpgradeTestbed.sleep(Duration.ofMillis(100));
        }
        LOG.info("job {} running after {} ms", jobId, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * Waits until the job has noticed a failure (not every task running) and then until every task runs again;
     * returns the moment it did. The job overview is current, unlike the cached checkpoint statistics.
     */
    long awaitRestartedAndRunning(String jobId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        while (true) {
            JobSummary job = rest.jobSummary(jobId);
            if (job.state() == JobStatus.FAILED || job.state() == JobStatus.CANCELED) {
                throw new IllegalStateException("Job " + jobId + " ended as " + job.state() + " instead of recovering: "
                        + rest.failureStackTrace(jobId));
            }
            if (!job.allTasksRunning()) {
                interrupted = true;
            } else if (interrupted) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Job " + jobId + " did not recover within " + timeout);
            }
            UpgradeTestbed.sleep(Duration.ofMillis(50));
        }
    }

    /** Stops the job with a savepoint (no drain, as for an upgrade) and returns the savepoint's directory. */
    Path stopWithSavepoint(String jobId) {
        String location = rest.awaitSavepoint(jobId, rest.stopWithSavepoint(jobId, null, false), timeout);
        JobStatus ended = rest.awaitTerminal(jobId, timeout);
        if (ended != JobStatus.FINISHED) {
            throw new IllegalStateException("Job " + jobId + " ended as " + ended + " after its savepoint");
        }
        return UpgradeTestbed.localPath(location);
    }

    void cancel(String jobId) {
        rest.cancel(jobId);
        rest.awaitTerminal(jobId, timeout);
    }

    /** Cancels every job that still runs, so a failed test leaves no job holding a slot. */
    void cancelLeftoverJobs() {
        for (JobSummary job : rest.jobs()) {
            if (!job.state().isGloballyTerminalState()) {
                LOG.warn("Cancelling job {} ({}), left {} by the last test", job.id(), job.name(), job.state());
                cancel(job.id());
            }
        }
    }

    /**
     * Input records the job's Kafka source has read, summed over partitions: one past the offset of the last record
     * it emitted from each ({@code KafkaSourceReader.topic.*.partition.*.currentOffset}). The consumer group's
     * committed offsets would say the same, but an idle Kafka source commits them only when its fetcher's 10 s poll
     * returns.
     */
    long readByJob(String jobId) {
        long read = 0;
        for (JobDetails.Vertex vertex : rest.job(jobId).vertices()) {
            String path = "/jobs/" + jobId + "/vertices/" + vertex.id() + "/metrics";
            List<String> ids = new ArrayList<>();
            for (JsonNode metric : get(path)) {
                String id = metric.path("id").asText();
                if (id.contains(".KafkaSourceReader.topic.") && id.endsWith(".currentOffset")) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            for (JsonNode metric : get(path + "?get=" + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8))) {
                long offset = (long) Double.parseDouble(metric.path("value").asText("-1"));
                read += offset < 0 ? 0 : offset + 1;
            }
        }
        return read;
    }

    /** The TaskManager (its resource id, e.g. taskmanager-2) that runs the job's tasks. */
    String taskManagerOf(String jobId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JobDetails.Vertex vertex : rest.job(jobId).vertices()) {
                for (JsonNode tm : get("/jobs/" + jobId + "/vertices/" + vertex.id() + "/taskmanagers")
                        .path("taskmanagers")) {
                    String id = tm.path("taskmanager-id").asText("");
                    if (id.startsWith("taskmanager-")) {
                        return id;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No TaskManager reported for job " + jobId);
            }
            UpgradeTestbed.sleep(Duration.ofMillis(200));
        }
    }

    /** The stack traces of the job's failures so far, newest first. */
    List<String> failures(String jobId) {
        List<String> traces = new ArrayList<>();
        for (JsonNode entry : get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries")) {
            traces.add(entry.path("stacktrace").asText());
        }
        return traces;
    }

    /** The innermost {@code Caused by:} of a stack trace as text, or its first line. */
    static String rootCause(String stackTrace) {
        String root = stackTrace.lines().findFirst().orElse("no failure cause reported");
        for (String line : stackTrace.lines().toList()) {
            if (line.strip().startsWith("Caused by: ")) {
                root = line.strip().substring("Caused by: ".length());
            }
        }
        return root;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rest.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
