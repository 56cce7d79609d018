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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running local cluster as {@code cluster start} leaves it on disk ({@code cluster.json}): its REST address and
 * its processes. {@code cluster stop} and {@code --rest-url}'s default read it back from another invocation.
 */
public record ClusterState(URI restUrl, List<ClusterProcess.Record> processes) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ClusterState {
        processes = List.copyOf(processes);
    }

    public static Optional<ClusterState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            List<ClusterProcess.Record> processes = new ArrayList<>();
            for (JsonNode p : root.path("processes")) {
                processes.add(new ClusterProcess.Record(p.path("name").asText(), p.path("pid").asLong(),
                        Instant.parse(p.path("started").asText()), p.path("mainClass").asText(),
                        Path.of(p.path("logFile").asText()), Path.of(p.path("outFile").asText())));
            }
            return Optional.of(new ClusterState(URI.create(root.path("restUrl").asText()), processes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Unreadable cluster state " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("restUrl", restUrl.toString());
        ArrayNode array = root.putArray("processes");
        for (ClusterProcess.Record p : processes) {
            array.addObject()
                    .put("name", p.name())
                    .put("pid", p.pid())
                    .put("started", p.started().toString())
                    .put("mainClass", p.mainClass())
                    .put("logFile", p.logFile().toString())
                    .put("outFile", p.outFile().toString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** The processes of this state that still run. */
    public List<ClusterProcess> liveProcesses() {
        return processes.stream().flatMap(p -> p.reattach().stream()).toList();
    }
}
