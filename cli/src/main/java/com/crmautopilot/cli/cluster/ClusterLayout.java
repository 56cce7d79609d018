package com.crmautopilot.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a local cluster keeps its files, all under one directory: the configuration it runs with, process logs,
 * checkpoints, savepoints, uploaded jars and scratch space. Savepoints and checkpoints are never deleted by the
 * cluster: they outlive it, so a job can be restored on the next one.
 */
public record ClusterLayout(Path root) {

    public ClusterLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path log() {
        return root.resolve("log");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path savepoints() {
        return root.resolve("savepoints");
    }

    public Path uploads() {
        return root.resolve("uploads");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    /** The record of the running processes, for {@code cluster stop} from another CLI invocation. */
    public Path stateFile() {
        return root.resolve("cluster.json");
    }

    void createDirectories() {
        try {
            for (Path dir : new Path[] {conf(), log(), checkpoints(), savepoints(), uploads(), tmp()}) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the cluster directories under " + root, e);
        }
    }
}
