package com.crmautopilot.models.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Loading the YAML config files that ship with an identical default copy on the classpath
 * ({@code conf/triggers.yaml}, {@code conf/suggested-actions.yaml}, {@code conf/suggestion-templates.yaml}), so
 * that their readers fail alike: a missing or unreadable file names itself, a malformed one names its source and
 * the place. Each reader is a {@code fromYaml(text, source)} that keeps its own checks of what the document says.
 *
 * <p>{@link #parseYaml} takes the mapper (a {@code YAMLMapper}), so this module needs no YAML dependency.
 */
public final class ConfigDocuments {

    private ConfigDocuments() {
    }

    /** Reads {@code resource} from the class path of {@code owner}, as source {@code classpath:<resource>}. */
    public static <T> T fromClasspath(Class<?> owner, String resource, BiFunction<String, String, T> reader) {
        String source = "classpath:" + resource;
        String text;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return reader.apply(text, source);
    }

    /** Reads {@code file}, named by its path. */
    public static <T> T fromFile(Path file, BiFunction<String, String, T> reader) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return reader.apply(text, file.toString());
    }

    /**
     * The tree of a YAML document (null or a missing node for an empty one).
     *
     * @param yaml   a {@code YAMLMapper}
     * @param source where the text came from, for the message
     * @throws IllegalArgumentException when the text does not parse, naming the source and the place
     */
    public static JsonNode parseYaml(ObjectMapper yaml, String text, String source) {
        try {
            return yaml.readTree(text);
        } catch (JsonProcessingException e) {
            // The YAML parser's own message already points at the line and column, with the line quoted.
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }
}
