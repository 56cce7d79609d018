package com.crmautopilot.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client for the Flink REST API of any session cluster: the local one, the docker-compose one or a user's own.
 * Plain {@code java.net.http} and Jackson, so it needs nothing from the cluster's classpath.
 */
public final class FlinkRestClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final URI baseUrl;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    public FlinkRestClient(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    // ---- cluster

    public ClusterOverview overview() {
        JsonNode body = get("/overview");
        return new ClusterOverview(body.path("flink-version").asText(), body.path("taskmanagers").asInt(),
                body.path("slots-total").asInt(), body.path("slots-available").asInt(),
                body.path("jobs-running").asInt());
    }

    /** True when the REST endpoint answers; false while the JobManager is still starting (or gone). */
    public boolean isReachable() {
        try {
            overview();
            return true;
        } catch (FlinkRestException e) {
            return false;
        }
    }

    public List<TaskManagerInfo> taskManagers() {
        List<TaskManagerInfo> result = new ArrayList<>();
        for (JsonNode tm : get("/taskmanagers").path("taskmanagers")) {
            result.add(new TaskManagerInfo(tm.path("id").asText(), tm.path("slotsNumber").asInt(),
                    tm.path("freeSlots").asInt()));
        }
        return result;
    }

    // ---- jars

    /** Uploads a job jar and returns its jar id, for {@link #run}. */
    public String uploadJar(Path jar) {
        String boundary = "autopilot-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        BodyPublisher file;
        try {
            file = BodyPublishers.ofFile(jar);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("No job jar at " + jar.toAbsolutePath(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri("/jars/upload"))
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(BodyPublishers.ofString(head), file, BodyPublishers.ofString(tail)))
                .build();
        JsonNode body = send(request, "upload " + jar.getFileName());
        String stored = body.path("filename").asText();
        // The jar id is the stored file's name: <uuid>_<original name>.
        return Path.of(stored).getFileName().toString();
    }

    public void deleteJar(String jarId) {
        send(HttpRequest.newBuilder(uri("/jars/" + jarId)).timeout(REQUEST_TIMEOUT).DELETE().build(),
                "DELETE /jars/" + jarId);
    }

    /**
     * Runs an uploaded jar and returns the new job's id. The cluster runs the jar's main method and waits for the job
     * to initialize, so a savepoint it cannot restore fails this call; tasks start afterwards (see
     * {@link #awaitRunning}).
     *
     * @throws RestoreRefusedException if the savepoint holds state that no operator of the job claims
     * @throws FlinkRestException      if the main method or the job's initialization failed in any other way
     */
    public String run(String jarId, RunRequest request) {
        // Chosen here rather than by the cluster, so that a job that fails to start can still be looked up.
        String jobId = JobID.generate().toHexString();
        ObjectNode body = mapper.createObjectNode();
        body.put("jobId", jobId);
        if (request.entryClass() != null) {
            body.put("entryClass", request.entryClass());
        }
        body.putPOJO("programArgsList", request.args());
        if (request.parallelism() != null) {
            body.put("parallelism", request.parallelism());
        }
        if (request.savepointPath() != null) {
            body.put("savepointPath", request.savepointPath());
        }
        // Always explicit, so a cluster-side default can never drop savepoint state behind the user's back.
        body.put("allowNonRestoredState", request.allowNonRestoredState());
        if (!request.flinkConfiguration().isEmpty()) {
            body.putPOJO("flinkConfiguration", request.flinkConfiguration());
        }
        try {
            return post("/jars/" + jarId + "/run", body).path("jobid").asText(jobId);
        } catch (FlinkRestException e) {
            String trace = String.join("\n", e.errors());
            if (RestoreRefusedException.describes(trace)) {
                throw refused(jobId, trace);
            }
            throw e;
        }
    }

    // ---- jobs

    public List<JobSummary> jobs() {
        List<JobSummary> result = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            JsonNode tasks = job.path("tasks");
            result.add(new JobSummary(job.path("jid").asText(), job.path("name").asText(),
                    JobStatus.valueOf(job.path("state").asText()), job.path("start-time").asLong(),
                    tasks.path("total").asInt(), tasks.path("running").asInt(), tasks.path("finished").asInt()));
        }
        return result;
    }

    /** The job's current summary (uncached, unlike {@link #job}). */
    public JobSummary jobSummary(String jobId) {
        return jobs().stream().filter(j -> j.id().equals(jobId)).findFirst()
                .orElseThrow(() -> new FlinkRestException("No job " + jobId + " on " + baseUrl, null));
    }

    /** The job and its vertices; the REST server may answer from a cache a few seconds old. */
    public JobDetails job(String jobId) {
        JsonNode body = get("/jobs/" + jobId);
        List<JobDetails.Vertex> vertices = new ArrayList<>();
        for (JsonNode vertex : body.path("vertices")) {
            Map<String, Integer> tasks = new LinkedHashMap<>();
            vertex.path("tasks").fields().forEachRemaining(e -> tasks.put(e.getKey(), e.getValue().asInt()));
            vertices.add(new JobDetails.Vertex(vertex.path("id").asText(), vertex.path("name").asText(),
                    vertex.path("parallelism").asInt(), tasks));
        }
        return new JobDetails(body.path("jid").asText(), body.path("name").asText(),
                JobStatus.valueOf(body.path("state").asText()), vertices);
    }

    public JobStatus jobState(String jobId) {
        return jobSummary(jobId).state();
    }

    /**
     * Waits until every task of the job runs, which includes having restored its state.
     *
     * @throws RestoreRefusedException if the job failed because its savepoint holds state it cannot map
     * @throws JobFailedException      if the job ended in any other way
     */
    public JobSummary awaitRunning(String jobId, Duration timeout) {
        try {
            return poll("job " + jobId + " to run all its tasks", timeout, () -> {
                JobSummary job = jobSummary(jobId);
                if (job.state().isTerminalState()) {
                    throw failure(jobId, job.state());
                }
                return job.allTasksRunning() ? Optional.of(job) : Optional.empty();
            });
        } catch (IllegalStateException timedOut) {
            // A job that keeps restarting (an unreachable broker, say) never fails; its last exception says why.
            JsonNode entries = get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
            if (entries.isEmpty()) {
                throw timedOut;
            }
            throw new IllegalStateException(timedOut.getMessage() + "; it is " + jobState(jobId)
                    + ", last failure: " + FailureCause.rootMessage(entries.get(0).path("stacktrace").asText()),
                    timedOut);
        }
    }

    /** Waits until the job is finished, cancelled or failed, and returns that state. */
    public JobStatus awaitTerminal(String jobId, Duration timeout) {
        return poll("job " + jobId + " to end", timeout, () -> {
            JobStatus state = jobState(jobId);
            return state.isTerminalState() ? Optional.of(state) : Optional.empty();
        });
    }

    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel")).timeout(REQUEST_TIMEOUT)
                .method("PATCH", BodyPublishers.noBody()).build(), "cancel job " + jobId);
    }

    /** The failure that ended a job, as the cluster reports it (a stack trace); empty if it did not fail. */
    public String failureStackTrace(String jobId) {
        JsonNode result = get("/jobs/" + jobId + "/execution-result");
        String trace = result.path("job-execution-result").path("failure-cause").path("stack-trace").asText("");
        if (!trace.isEmpty()) {
            return trace;
        }
        JsonNode entries = get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
        return entries.isEmpty() ? "" : entries.get(0).path("stacktrace").asText("");
    }

    // ---- savepoints and checkpoints

    /** Triggers a savepoint of a running job, which keeps running. Returns the trigger id for {@link #awaitSavepoint}. */
    public String triggerSavepoint(String jobId, String targetDirectory) {
        ObjectNode body = mapper.createObjectNode();
        if (targetDirectory != null) {
            body.put("target-directory", targetDirectory);
        }
        body.put("cancel-job", false);
        return post("/jobs/" + jobId + "/savepoints", body).path("request-id").asText();
    }

    /**
     * Stops a job with a savepoint: sources stop, a final savepoint is taken, and the job finishes. With {@code drain}
     * the job first flushes its event-time state (it advances the watermark to the end of time), which suits a job
     * being retired, not one being upgraded. Returns the trigger id for {@link #awaitSavepoint}.
     *
     * @param targetDirectory null for the cluster's execution.checkpointing.savepoint-dir
     */
    public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain) {
        ObjectNode body = mapper.createObjectNode();
        if (targetDirectory != null) {
            body.put("targetDirectory", targetDirectory);
        }
        body.put("drain", drain);
        return post("/jobs/" + jobId + "/stop", body).path("request-id").asText();
    }

    /** Waits for a savepoint (triggered or stop-with) and returns its location. */
    public String awaitSavepoint(String jobId, String triggerId, Duration timeout) {
        return poll("savepoint " + triggerId + " of job " + jobId, timeout, () -> {
            JsonNode body = get("/jobs/" + jobId + "/savepoints/" + triggerId);
            if (!"COMPLETED".equals(body.path("status").path("id").asText())) {
                return Optional.empty();
            }
            JsonNode operation = body.path("operation");
            if (operation.hasNonNull("location")) {
                return Optional.of(operation.path("location").asText());
            }
            String trace = operation.path("failure-cause").path("stack-trace").asText("");
            throw new JobFailedException("The savepoint of job " + jobId + " failed: " + FailureCause.rootMessage(trace),
                    jobId, jobState(jobId), trace);
        });
    }

    /** The snapshot the job restored from when it started (or last recovered), if any. */
    public Optional<SnapshotInfo> restoredFrom(String jobId) {
        JsonNode restored = get("/jobs/" + jobId + "/checkpoints").path("latest").path("restored");
        if (restored.isMissingNode() || restored.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotInfo(restored.path("id").asLong(), restored.path("external_path").asText(),
                restored.path("is_savepoint").asBoolean(), -1));
    }

    /** The job's latest completed checkpoint, if one completed. */
    public Optional<SnapshotInfo> latestCheckpoint(String jobId) {
        return snapshot(get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed"), false);
    }

    /** The job's latest completed savepoint, stop-with-savepoint included, if one completed. */
    public Optional<SnapshotInfo> latestSavepoint(String jobId) {
        return snapshot(get("/jobs/" + jobId + "/checkpoints").path("latest").path("savepoint"), true);
    }

    /** Completed checkpoints and savepoints of the job so far. */
    public long completedCheckpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    private static Optional<SnapshotInfo> snapshot(JsonNode node, boolean savepoint) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotInfo(node.path("id").asLong(), node.path("external_path").asText(),
                savepoint, node.path("state_size").asLong(-1)));
    }

    // ---- plumbing

    private JobFailedException failure(String jobId, JobStatus state) {
        String trace = state == JobStatus.FAILED ? failureStackTrace(jobId) : "";
        if (RestoreRefusedException.describes(trace)) {
            return refused(jobId, trace);
        }
        String cause = trace.isEmpty() ? "" : ": " + FailureCause.rootMessage(trace);
        return new JobFailedException("Job " + jobId + " ended as " + state + cause, jobId, state, trace);
    }

    private static RestoreRefusedException refused(String jobId, String trace) {
        return new RestoreRefusedException("Job " + jobId + " refused to start from its savepoint: "
                + FailureCause.rootMessage(trace) + " (allowNonRestoredState is off, so no state is dropped"
                + " silently; give the operator its old uid back, or restore with allowNonRestoredState if"
                + " dropping that state is intended)", jobId, trace);
    }

    private <T> T poll(String what, Duration timeout, Supplier<Optional<T>> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(POLL_INTERVAL);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build(), "GET " + path);
    }

    private JsonNode post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString()))
                .build();
        return send(request, "POST " + path);
    }

    private JsonNode send(HttpRequest request, String description) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FlinkRestException(description + ": no answer from " + baseUrl + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkRestException(description + " was interrupted", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 300) {
            List<String> errors = new ArrayList<>();
            body.path("errors").forEach(e -> errors.add(e.asText()));
            throw new FlinkRestException(description, response.statusCode(), errors);
        }
        return body;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            // Some proxies answer errors with HTML; keep it as the message.
            ObjectNode node = mapper.createObjectNode();
            node.putArray("errors").add(text.length() > 500 ? text.substring(0, 500) : text);
            return node;
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
