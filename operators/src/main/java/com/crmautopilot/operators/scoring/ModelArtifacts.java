package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.ModelCard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads model artifacts: from an announcement's inline bytes or URI, from a directory, and into a served model. */
public final class ModelArtifacts {

    public static final String INLINE = "inline";
    private static final String CLASSPATH = "classpath:";

    private ModelArtifacts() {
    }

    /**
     * The artifact an announcement carries.
     *
     * @throws IllegalArgumentException with a reason fit for a dead letter when it cannot be read
     */
    public static ModelArtifact read(ModelAnnouncement announcement) {
        if (announcement.hasInlineArtifact()) {
            if (announcement.modelJsonBase64() == null || announcement.modelUbjBase64() == null) {
                throw new IllegalArgumentException("an inline model needs both model_json_base64 and model_ubj_base64");
            }
            try {
                return new ModelArtifact(announcement.modelName(), announcement.version(),
                        Base64.getDecoder().decode(announcement.modelJsonBase64()),
                        Base64.getDecoder().decode(announcement.modelUbjBase64()), INLINE);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the inline model is not valid base64: " + e.getMessage());
            }
        }
        if (announcement.hasUri()) {
            return fromUri(announcement.modelName(), announcement.version(), announcement.uri().trim());
        }
        throw new IllegalArgumentException("the announcement carries neither the model nor a URI");
    }

    /** Reads {@code model.json} and {@code model.ubj} from a {@code file:} URI, a plain path or {@code classpath:/dir}. */
    public static ModelArtifact fromUri(String name, String version, String uri) {
        try {
            if (uri.startsWith(CLASSPATH)) {
                String dir = uri.substring(CLASSPATH.length()).replaceAll("^/+", "").replaceAll("/+$", "");
                return new ModelArtifact(name, version, resource(dir + "/" + ModelCard.FILE_NAME),
                        resource(dir + "/" + GradientBoostedModel.TREES_FILE), uri);
            }
            Path dir = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
            return new ModelArtifact(name, version, Files.readAllBytes(dir.resolve(ModelCard.FILE_NAME)),
                    Files.readAllBytes(dir.resolve(GradientBoostedModel.TREES_FILE)), uri);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the model at " + uri + ": " + e.getMessage());
        }
    }

    /**
     * A model at a location ({@code file:} URI, plain path or {@code classpath:/dir}), named and versioned by its own
     * {@code model.json}: for a job's default model.
     */
    public static ModelArtifact fromLocation(String uri) {
        ModelArtifact read = fromUri(null, null, uri);
        ModelCard card = ModelCard.fromJson(read.modelJson);
        read.name = card.name();
        read.version = card.version();
        return read;
    }

    /** A directory the trainer wrote, with the version and name its {@code model.json} gives. */
    public static ModelArtifact fromDirectory(Path dir) {
        try {
            byte[] json = Files.readAllBytes(dir.resolve(ModelCard.FILE_NAME));
            ModelCard card = ModelCard.fromJson(json);
            return new ModelArtifact(card.name(), card.version(), json,
                    Files.readAllBytes(dir.resolve(GradientBoostedModel.TREES_FILE)), dir.toUri().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The served model.
     *
     * @throws IllegalArgumentException when the bytes are not a model
     */
    public static GradientBoostedModel load(ModelArtifact artifact) {
        try {
            return GradientBoostedModel.fromBytes(artifact.modelJson, artifact.modelUbj);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the model files cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelArtifacts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
