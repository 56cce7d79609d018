package com.crmautopilot.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jobs this CLI submitted: which uploaded jar, entry class and arguments each runs with. The REST API does not
 * say which jar a job came from, and {@code cluster upgrade} without {@code --jar} needs exactly that.
 */
final class SubmissionLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    SubmissionLog(Path file) {
        this.file = file;
    }

    record Submission(URI restUrl, String jobId, String jarId, String entryClass, List<String> args,
                      Integer parallelism) {

        RunRequest toRunRequest() {
            return RunRequest.of(entryClass, args).withParallelism(parallelism);
        }
    }

    void record(URI restUrl, String jobId, String jarId, RunRequest request) {
        List<Submission> all = new ArrayList<>(readAll());
        all.add(new Submission(restUrl, jobId, jarId, request.entryClass(), request.args(), request.parallelism()));
        ArrayNode array = MAPPER.createArrayNode();
        for (Submission s : all) {
            ObjectNode node = array.addObject()
                    .put("restUrl", s.restUrl().toString())
                    .put("jobId", s.jobId())
                    .put("jarId", s.jarId())
                    .put("entryClass", s.entryClass());
            node.putPOJO("args", s.args());
            if (s.parallelism() != null) {
                node.put("parallelism", s.parallelism());
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    Optional<Submission> find(URI restUrl, String jobId) {
        return readAll().stream()
                .filter(s -> s.jobId().equals(jobId) && s.restUrl().equals(restUrl))
                .reduce((first, second) -> second);
    }

    private List<Submission> readAll() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Submission> all = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(file.toFile())) {
                List<String> args = new ArrayList<>();
                node.path("args").forEach(a -> args.add(a.asText()));
                all.add(new Submission(URI.create(node.path("restUrl").asText()), node.path("jobId").asText(),
                        node.path("jarId").asText(),
                        node.hasNonNull("entryClass") ? node.path("entryClass").asText() : null,
                        args,
                        node.hasNonNull("parallelism") ? node.path("parallelism").asInt() : null));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
