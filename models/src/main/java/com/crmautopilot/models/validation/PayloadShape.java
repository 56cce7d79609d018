package com.crmautopilot.models.validation;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetterReason;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shape of one payload record, read once from its components. Jackson alone is more lenient than the
 * contract: it truncates 5.5 into an Integer, turns numbers into Strings, reads "NaN" as a Double and dates from
 * arrays. Checking each field's JSON kind first makes the validator agree with the published schema, and spares
 * the hot path an exception for the common wrong types.
 */
final class PayloadShape {

    /** The JSON kinds a payload field can have; each maps to one Java type family. */
    enum Kind {
        STRING("a string"),
        INT32("an integer (32-bit)"),
        INT64("an integer (64-bit)"),
        NUMBER("a finite number"),
        BOOLEAN("a boolean"),
        DATE("a date string (yyyy-mm-dd)");

        private final String expectation;

        Kind(String expectation) {
            this.expectation = expectation;
        }

        boolean accepts(JsonNode node) {
            return switch (this) {
                case STRING, DATE -> node.isTextual();
                case INT32 -> node.isIntegralNumber() && node.canConvertToInt();
                case INT64 -> node.isIntegralNumber() && node.canConvertToLong();
                case NUMBER -> node.isNumber() && Double.isFinite(node.doubleValue());
                case BOOLEAN -> node.isBoolean();
            };
        }

        static Kind of(Class<?> javaType) {
            if (javaType == String.class) {
                return STRING;
            }
            if (javaType == Integer.class || javaType == int.class || javaType == Short.class || javaType == short.class) {
                return INT32;
            }
            if (javaType == Long.class || javaType == long.class) {
                return INT64;
            }
            if (javaType == Double.class || javaType == double.class || javaType == Float.class || javaType == float.class) {
                return NUMBER;
            }
            if (javaType == Boolean.class || javaType == boolean.class) {
                return BOOLEAN;
            }
            if (javaType == LocalDate.class) {
                return DATE;
            }
            throw new IllegalStateException("payload field type " + javaType.getName() + " has no JSON kind in the contract");
        }
    }

    record Field(String wireName, Kind kind, boolean required) {
    }

    /** A payload that does not fit its shape: the reason and a detail naming the field. */
    record Mismatch(DeadLetterReason reason, String detail) {
    }

    private final Class<? extends Record> recordClass;
    private final List<Field> fields;
    private final ObjectReader reader;

    private PayloadShape(Class<? extends Record> recordClass, List<Field> fields) {
        this.recordClass = recordClass;
        this.fields = fields;
        // The kind check already rejects fractions for integer fields; this keeps Jackson from truncating if a
        // future field type slips past it.
        this.reader = Json.mapper().readerFor(recordClass).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    static PayloadShape of(Class<? extends Record> recordClass) {
        PropertyNamingStrategy naming = Json.mapper().getSerializationConfig().getPropertyNamingStrategy();
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            // @JsonProperty cannot target a record component itself; Java copies it onto the accessor.
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            boolean required = property != null && property.required();
            fields.add(new Field(wireName(naming, component.getName()), Kind.of(component.getType()), required));
        }
        return new PayloadShape(recordClass, List.copyOf(fields));
    }

    private static String wireName(PropertyNamingStrategy naming, String javaName) {
        return naming instanceof PropertyNamingStrategies.NamingBase base ? base.translate(javaName) : javaName;
    }

    List<Field> fields() {
        return fields;
    }

    Class<? extends Record> recordClass() {
        return recordClass;
    }

    ObjectReader reader() {
        return reader;
    }

    /** The first field that is absent but required, or of the wrong JSON kind; null when all fit. */
    Mismatch firstMismatch(JsonNode payload, String typeName) {
        for (Field field : fields) {
            JsonNode value = payload.get(field.wireName());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    return new Mismatch(DeadLetterReason.INVALID_PAYLOAD,
                            "payload." + field.wireName() + " is required for " + typeName);
                }
            } else if (!field.kind().accepts(value)) {
                return new Mismatch(DeadLetterReason.WRONG_TYPE, "payload." + field.wireName() + " must be "
                        + field.kind().expectation + ", got " + Details.describe(value));
            } else if (value.isTextual() && Details.loneSurrogateIndex(value.textValue()) >= 0) {
                return new Mismatch(DeadLetterReason.NOT_JSON, "payload." + field.wireName()
                        + " is not valid Unicode: a lone surrogate at index " + Details.loneSurrogateIndex(value.textValue()));
            }
        }
        return null;
    }
}
