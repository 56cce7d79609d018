package com.crmautopilot.models.scoring;

import com.crmautopilot.models.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads an XGBoost model file ({@code .ubj} or {@code .json}, as {@code Booster.saveModel} writes them) into a
 * {@link TreeEnsemble}, with no native code. Only what serving supports is accepted: a single-output
 * {@code gbtree} with numeric splits and a logistic objective; anything else is refused with the reason.
 */
public final class XgboostModelReader {

    private static final Set<String> LOGISTIC_OBJECTIVES = Set.of("binary:logistic", "reg:logistic", "binary:logitraw");

    private XgboostModelReader() {
    }

    public static TreeEnsemble read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file, e);
        }
    }

    /** Reads either encoding: JSON text starts with '{' then a quote, UBJSON with '{' then a type marker. */
    public static TreeEnsemble read(byte[] model) {
        JsonNode root = isJson(model) ? parseJson(model) : UbjsonReader.read(model);
        return fromTree(root);
    }

    private static boolean isJson(byte[] bytes) {
        for (int i = 0, braces = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            if (b == '{' && braces == 0) {
                braces++;
                continue;
            }
            return b == '"' || b == '}';
        }
        return false;
    }

    private static JsonNode parseJson(byte[] model) {
        try {
            return Json.mapper().readTree(model);
        } catch (IOException e) {
            throw new IllegalArgumentException("model JSON is malformed: " + e.getMessage(), e);
        }
    }

    static TreeEnsemble fromTree(JsonNode root) {
        JsonNode learner = required(root, "learner");
        String objective = required(learner, "objective").path("name").asText();
        if (!LOGISTIC_OBJECTIVES.contains(objective)) {
            throw new IllegalArgumentException("objective " + objective + " is not a logistic objective");
        }
        JsonNode params = required(learner, "learner_model_param");
        int numFeatures = Integer.parseInt(params.path("num_feature").asText("0"));
        int numClass = Integer.parseInt(params.path("num_class").asText("0"));
        int numTarget = Integer.parseInt(params.path("num_target").asText("1"));
        if (numClass > 1 || numTarget > 1) {
            throw new IllegalArgumentException("only single-output models are supported");
        }
        float baseScore = parseBaseScore(params.path("base_score").asText());
        JsonNode booster = required(learner, "gradient_booster");
        String boosterName = booster.path("name").asText("gbtree");
        if (!"gbtree".equals(boosterName)) {
            throw new IllegalArgumentException("booster " + boosterName + " is not supported, only gbtree");
        }
        JsonNode trees = required(required(booster, "model"), "trees");
        List<TreeEnsemble.Tree> parsed = new ArrayList<>(trees.size());
        for (JsonNode tree : trees) {
            parsed.add(tree(tree, numFeatures));
        }
        return new TreeEnsemble(probToMargin(baseScore), numFeatures, parsed);
    }

    /** XGBoost 2+ writes the base score as a one-element vector ("[1.126E-1]"), older versions as a scalar. */
    static float parseBaseScore(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("[")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
            if (trimmed.contains(",")) {
                throw new IllegalArgumentException("base score has several values: " + text);
            }
        }
        return Float.parseFloat(trimmed);
    }

    /** XGBoost's logistic ProbToMargin, in float as it computes it. */
    static float probToMargin(float baseScore) {
        return (float) -Math.log(1.0f / baseScore - 1.0f);
    }

    private static TreeEnsemble.Tree tree(JsonNode tree, int numFeatures) {
        int[] left = ints(required(tree, "left_children"));
        int[] right = ints(required(tree, "right_children"));
        int[] feature = ints(required(tree, "split_indices"));
        float[] condition = floats(required(tree, "split_conditions"));
        float[] cover = floats(required(tree, "sum_hessian"));
        JsonNode defaults = required(tree, "default_left");
        int n = left.length;
        if (right.length != n || feature.length != n || condition.length != n || cover.length != n || defaults.size() != n) {
            throw new IllegalArgumentException("tree " + tree.path("id").asInt() + " has node arrays of different lengths");
        }
        JsonNode splitTypes = tree.path("split_type");
        boolean[] defaultLeft = new boolean[n];
        float[] threshold = new float[n];
        float[] value = new float[n];
        for (int i = 0; i < n; i++) {
            defaultLeft[i] = defaults.get(i).isBoolean() ? defaults.get(i).booleanValue() : defaults.get(i).asInt() != 0;
            if (splitTypes.isArray() && splitTypes.size() > i && splitTypes.get(i).asInt() != 0) {
                throw new IllegalArgumentException("categorical splits are not supported: encode categories as codes");
            }
            if (left[i] < 0) {
                value[i] = condition[i]; // XGBoost keeps a leaf's output in split_conditions
                threshold[i] = Float.NaN;
            } else {
                if (feature[i] < 0 || feature[i] >= numFeatures || right[i] < 0 || left[i] >= n || right[i] >= n) {
                    throw new IllegalArgumentException("tree " + tree.path("id").asInt() + " node " + i + " is malformed");
                }
                threshold[i] = condition[i];
            }
        }
        return new TreeEnsemble.Tree(left, right, feature, threshold, defaultLeft, value, cover);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            throw new IllegalArgumentException("model has no '" + field + "'");
        }
        return child;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).floatValue();
        }
        return out;
    }
}
