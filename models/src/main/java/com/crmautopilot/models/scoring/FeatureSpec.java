package com.crmautopilot.models.scoring;

import com.crmautopilot.models.json.Json;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a model's input, in order: names, types and vocabularies. Training encodes its rows with it, it is
 * stored in {@code model.json}, and serving encodes live features with the stored copy, so the two cannot drift.
 *
 * <p>A spec with empty vocabularies is a template: it fixes the shape (names and types) before training has seen
 * the categories. {@link #compatibleWith} compares shapes only, which is what a job checks before accepting a
 * model.
 */
public final class FeatureSpec {

    private final List<FeatureDef> features;
    @JsonIgnore
    private final Map<String, Integer> index;

    @JsonCreator
    public FeatureSpec(@JsonProperty("features") List<FeatureDef> features) {
        this.features = List.copyOf(Objects.requireNonNull(features, "features"));
        this.index = new HashMap<>();
        for (int i = 0; i < this.features.size(); i++) {
            if (index.putIfAbsent(this.features.get(i).name(), i) != null) {
                throw new IllegalArgumentException("feature '" + this.features.get(i).name() + "' is defined twice");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static FeatureSpec fromJson(String json) {
        return Json.read(json, FeatureSpec.class);
    }

    public String toJson() {
        return Json.write(this);
    }

    @JsonProperty("features")
    public List<FeatureDef> features() {
        return features;
    }

    public int size() {
        return features.size();
    }

    public FeatureDef feature(int i) {
        return features.get(i);
    }

    /** The position of a feature, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public List<String> names() {
        return features.stream().map(FeatureDef::name).toList();
    }

    /** Encodes values by feature name; names the spec does not know are ignored, and absent ones are missing. */
    public FeatureVector encode(Map<String, ?> raw) {
        float[] values = new float[features.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = features.get(i).encode(raw.get(features.get(i).name()));
        }
        return FeatureVector.wrap(values);
    }

    /** Encodes values laid out in this spec's order (for example by {@link LeadFeatures#from}). */
    public FeatureVector encode(RawFeatures raw) {
        if (raw.size() != features.size()) {
            throw new IllegalArgumentException("raw features have " + raw.size() + " values, the spec " + features.size());
        }
        float[] values = new float[features.size()];
        for (int i = 0; i < values.length; i++) {
            FeatureDef def = features.get(i);
            String text = raw.categories()[i];
            values[i] = text != null ? def.encodeText(text) : def.encodeNumber(raw.numbers()[i]);
        }
        return FeatureVector.wrap(values);
    }

    /** The same names and types in the same order; vocabularies may differ. */
    public boolean compatibleWith(FeatureSpec other) {
        if (other.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!features.get(i).sameShape(other.feature(i))) {
                return false;
            }
        }
        return true;
    }

    /** Explains the first difference in shape, for a refusal message; empty when compatible. */
    public String shapeDifference(FeatureSpec other) {
        for (int i = 0; i < Math.min(size(), other.size()); i++) {
            if (!features.get(i).sameShape(other.feature(i))) {
                return "feature " + i + " is " + features.get(i) + " here but " + other.feature(i) + " there";
            }
        }
        return size() == other.size() ? "" : "this spec has " + size() + " features, the other " + other.size();
    }

    /** A copy with the vocabularies replaced for the named categorical features. */
    public FeatureSpec withVocabularies(Map<String, List<String>> vocabularies) {
        List<FeatureDef> copy = new ArrayList<>(features.size());
        for (FeatureDef def : features) {
            List<String> vocabulary = vocabularies.get(def.name());
            copy.add(vocabulary != null && def.type() == FeatureType.CATEGORICAL ? def.withVocabulary(vocabulary) : def);
        }
        return new FeatureSpec(copy);
    }

    /** Renders the value of feature {@code i} in a vector for people. */
    public String describe(int i, FeatureVector vector) {
        return features.get(i).describe(vector.get(i));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpec other && features.equals(other.features);
    }

    @Override
    public int hashCode() {
        return features.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSpec" + Arrays.toString(features.toArray());
    }

    public static final class Builder {
        private final List<FeatureDef> features = new ArrayList<>();

        public Builder numeric(String name) {
            features.add(FeatureDef.numeric(name));
            return this;
        }

        public Builder bool(String name) {
            features.add(FeatureDef.bool(name));
            return this;
        }

        public Builder categorical(String name, List<String> vocabulary) {
            features.add(FeatureDef.categorical(name, vocabulary));
            return this;
        }

        public Builder categorical(String name) {
            return categorical(name, List.of());
        }

        public Builder add(FeatureDef def) {
            features.add(def);
            return this;
        }

        public FeatureSpec build() {
            return new FeatureSpec(features);
        }
    }
}
