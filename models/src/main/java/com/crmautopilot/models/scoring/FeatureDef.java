package com.crmautopilot.models.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One feature of a {@link FeatureSpec}: its name, type and, for a categorical feature, the vocabulary whose index
 * is the encoded value. A category outside the vocabulary encodes as missing (NaN): new data must never break
 * scoring, and the trees already route missing values down a learned default branch.
 */
public final class FeatureDef {

    private final String name;
    private final FeatureType type;
    private final List<String> vocabulary;
    @JsonIgnore
    private final Map<String, Integer> codes;

    @JsonCreator
    public FeatureDef(@JsonProperty("name") String name,
                      @JsonProperty("type") FeatureType type,
                      @JsonProperty("vocabulary") List<String> vocabulary) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (type == FeatureType.CATEGORICAL) {
            this.vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
            this.codes = new HashMap<>();
            for (int i = 0; i < this.vocabulary.size(); i++) {
                if (codes.putIfAbsent(this.vocabulary.get(i), i) != null) {
                    throw new IllegalArgumentException("feature " + name + " lists '" + this.vocabulary.get(i) + "' twice");
                }
            }
        } else {
            this.vocabulary = null;
            this.codes = Map.of();
        }
    }

    public static FeatureDef numeric(String name) {
        return new FeatureDef(name, FeatureType.NUMERIC, null);
    }

    public static FeatureDef bool(String name) {
        return new FeatureDef(name, FeatureType.BOOLEAN, null);
    }

    public static FeatureDef categorical(String name, List<String> vocabulary) {
        return new FeatureDef(name, FeatureType.CATEGORICAL, vocabulary);
    }

    @JsonProperty("name")
    public String name() {
        return name;
    }

    @JsonProperty("type")
    public FeatureType type() {
        return type;
    }

    /** The categories in code order; null unless categorical. */
    @JsonProperty("vocabulary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<String> vocabulary() {
        return vocabulary;
    }

    public FeatureDef withVocabulary(List<String> newVocabulary) {
        return new FeatureDef(name, type, newVocabulary);
    }

    /** Encodes a category; anything outside the vocabulary, or null, is missing. */
    public float encodeCategory(String category) {
        if (category == null) {
            return Float.NaN;
        }
        Integer code = codes.get(category);
        return code == null ? Float.NaN : code;
    }

    /** Encodes a number for a numeric or boolean feature, or the number's text for a categorical one. */
    public float encodeNumber(double number) {
        if (Double.isNaN(number)) {
            return Float.NaN;
        }
        return switch (type) {
            case NUMERIC -> (float) number;
            case BOOLEAN -> number != 0 ? 1f : 0f;
            case CATEGORICAL -> encodeCategory(numberAsCategory(number));
        };
    }

    /** Encodes text: a category, a number written as text, or a boolean word. Unparseable text is missing. */
    public float encodeText(String text) {
        if (text == null) {
            return Float.NaN;
        }
        return switch (type) {
            case CATEGORICAL -> encodeCategory(text);
            case NUMERIC -> parseNumber(text);
            case BOOLEAN -> parseBoolean(text);
        };
    }

    /** Encodes any raw value a caller may hold: null, Number, Boolean, CharSequence or an enum. */
    public float encode(Object raw) {
        if (raw == null) {
            return Float.NaN;
        }
        if (raw instanceof Number number) {
            return encodeNumber(number.doubleValue());
        }
        if (raw instanceof Boolean bool) {
            return type == FeatureType.CATEGORICAL ? encodeCategory(bool.toString()) : (bool ? 1f : 0f);
        }
        if (raw instanceof Enum<?> e) {
            return encodeText(e.name().toLowerCase(Locale.ROOT));
        }
        return encodeText(raw.toString());
    }

    /** Renders an encoded value for people: the category name, yes/no, or the number; "missing" for NaN. */
    public String describe(float encoded) {
        if (Float.isNaN(encoded)) {
            return "missing";
        }
        return switch (type) {
            case CATEGORICAL -> {
                int code = (int) encoded;
                yield code >= 0 && code < vocabulary.size() ? vocabulary.get(code) : "missing";
            }
            case BOOLEAN -> encoded != 0 ? "yes" : "no";
            case NUMERIC -> encoded == Math.rint(encoded) && Math.abs(encoded) < 1e9
                    ? Long.toString((long) encoded) : String.format(Locale.ROOT, "%.3g", encoded);
        };
    }

    /** Same name and type: the position and meaning of the column agree, whatever the vocabulary. */
    public boolean sameShape(FeatureDef other) {
        return name.equals(other.name) && type == other.type;
    }

    static String numberAsCategory(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }

    private static float parseNumber(String text) {
        try {
            return (float) Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    private static float parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "1.0" -> 1f;
            case "false", "no", "n", "0", "0.0" -> 0f;
            default -> Float.NaN;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureDef other && name.equals(other.name) && type == other.type
                && Objects.equals(vocabulary, other.vocabulary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, vocabulary);
    }

    @Override
    public String toString() {
        return name + ":" + type.wireName() + (vocabulary == null ? "" : vocabulary.toString());
    }
}
