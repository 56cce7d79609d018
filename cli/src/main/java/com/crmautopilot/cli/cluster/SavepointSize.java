package com.crmautopilot.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** How many bytes a savepoint takes where it is stored. */
final class SavepointSize {

    private SavepointSize() {
    }

    /** The total size of the savepoint's files, when it is on a filesystem this machine can read. */
    static OptionalLong onDisk(String location) {
        Path dir = localPath(location);
        if (dir == null || !Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return OptionalLong.of(files.filter(Files::isRegularFile).mapToLong(SavepointSize::size).sum());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not measure the savepoint at " + dir, e);
        }
    }

    static Path localPath(String location) {
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location));
        }
        return location.contains("://") ? null : Path.of(location);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
