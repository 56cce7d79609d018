package com.crmautopilot.operators.scoring;

import java.util.Arrays;

/**
 * A model's two files as announced, kept in broadcast state so that a restored job can serve, swap back to, or roll
 * back to any version it knew, without the announcement or the files. A Flink POJO.
 */
public class ModelArtifact implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public String name;
    public String version;
    public byte[] modelJson;
    public byte[] modelUbj;
    /** Where it came from: the URI, or {@code inline}. */
    public String source;

    public ModelArtifact() {
    }

    public ModelArtifact(String name, String version, byte[] modelJson, byte[] modelUbj, String source) {
        this.name = name;
        this.version = version;
        this.modelJson = modelJson;
        this.modelUbj = modelUbj;
        this.source = source;
    }

    public long sizeBytes() {
        return (modelJson == null ? 0 : modelJson.length) + (modelUbj == null ? 0 : modelUbj.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelArtifact other && java.util.Objects.equals(version, other.version)
                && java.util.Objects.equals(name, other.name) && Arrays.equals(modelJson, other.modelJson)
                && Arrays.equals(modelUbj, other.modelUbj);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, version);
    }

    @Override
    public String toString() {
        return "ModelArtifact[" + name + " " + version + ", " + sizeBytes() + " bytes from " + source + "]";
    }
}
