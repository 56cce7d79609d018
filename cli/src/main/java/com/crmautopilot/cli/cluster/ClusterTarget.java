package com.crmautopilot.cli.cluster;

import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/**
 * Which cluster a command talks to: {@code --rest-url} for any cluster, otherwise the local one that
 * {@code cluster start} recorded, otherwise {@code http://localhost:8081} (docker compose's).
 */
public final class ClusterTarget {

    static final URI DEFAULT_REST_URL = URI.create("http://localhost:8081");

    @Option(names = "--rest-url", paramLabel = "URL",
            description = "REST address of the Flink cluster (default: the local cluster of `cluster start`, "
                    + "else http://localhost:8081).")
    URI restUrl;

    @Option(names = "--cluster-dir", paramLabel = "DIR",
            description = "Directory of the local cluster (default: .autopilot/cluster under the project).")
    Path clusterDir;

    ClusterLayout layout() {
        return new ClusterLayout(clusterDir != null ? clusterDir : home().resolve(".autopilot").resolve("cluster"));
    }

    URI restUrl() {
        if (restUrl != null) {
            return restUrl;
        }
        return ClusterState.read(layout().stateFile())
                .filter(state -> !state.liveProcesses().isEmpty())
                .map(ClusterState::restUrl)
                .orElse(DEFAULT_REST_URL);
    }

    FlinkRestClient client() {
        return new FlinkRestClient(restUrl());
    }

    SubmissionLog submissions() {
        return new SubmissionLog(layout().root().resolve("submissions.json"));
    }

    /** The project directory: the launcher script passes it; tests and IDEs run from a module directory. */
    static Path home() {
        return Path.of(System.getProperty("autopilot.home", ".")).toAbsolutePath().normalize();
    }
}
