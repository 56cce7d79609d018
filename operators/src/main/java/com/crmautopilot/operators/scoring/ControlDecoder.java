package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.io.Serializable;
import java.util.Base64;
import java.util.List;

/**
 * Reads {@code ai.models} and {@code crm.control} records. It never throws: a record that is not a well-formed
 * announcement or command becomes a dead letter with its source position and original bytes. Commands of types
 * lead scoring does not serve are for other jobs on the same topic and are skipped (null).
 */
public final class ControlDecoder implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ID_LENGTH = 256;

    private transient ObjectMapper mapper;

    /** Builds the mapper; call from the deserializer's or function's {@code open}. */
    public void open() {
        mapper = Json.newMapper();
    }

    private static final List<String> ANNOUNCEMENT_TEXTS = List.of("announcement_id", "tenant_id", "model_name",
            "version", "model_json_base64", "model_ubj_base64", "uri", "announced_at");
    private static final List<String> COMMAND_TEXTS = List.of("command_id", "type", "tenant_id", "lead_id",
            "requested_at");

    public ControlMessage decodeAnnouncement(byte[] bytes, String topic, int partition, long offset) {
        Parsed<ModelAnnouncement> parsed = parse(bytes, ModelAnnouncement.class, ANNOUNCEMENT_TEXTS);
        if (parsed.failure != null) {
            return deadLetter(parsed.failure, parsed.detail, topic, partition, offset, parsed.tree, bytes);
        }
        ModelAnnouncement a = parsed.value;
        String missing = firstBlank(List.of("tenant_id", "model_name", "version"),
                List.of(nullToEmpty(a.tenantId()), nullToEmpty(a.modelName()), nullToEmpty(a.version())));
        if (missing != null) {
            return deadLetter(DeadLetterReason.MISSING_FIELD, missing + " is missing or blank", topic, partition,
                    offset, parsed.tree, bytes);
        }
        if (a.hasInlineArtifact() && (a.modelJsonBase64() == null || a.modelUbjBase64() == null)) {
            return deadLetter(DeadLetterReason.INVALID_PAYLOAD,
                    "an inline model needs both model_json_base64 and model_ubj_base64", topic, partition, offset,
                    parsed.tree, bytes);
        }
        if (a.hasInlineArtifact() && a.hasUri()) {
            return deadLetter(DeadLetterReason.INVALID_PAYLOAD, "give either the model inline or its uri, not both",
                    topic, partition, offset, parsed.tree, bytes);
        }
        if (a.hasInlineArtifact() && !(isBase64(a.modelJsonBase64()) && isBase64(a.modelUbjBase64()))) {
            return deadLetter(DeadLetterReason.INVALID_PAYLOAD, "model_json_base64 or model_ubj_base64 is not base64",
                    topic, partition, offset, parsed.tree, bytes);
        }
        return ControlMessage.of(a);
    }

    /** The command, its dead letter, or null for a type lead scoring does not serve. */
    public ControlMessage decodeCommand(byte[] bytes, String topic, int partition, long offset) {
        Parsed<ControlCommand> parsed = parse(bytes, ControlCommand.class, COMMAND_TEXTS);
        if (parsed.failure != null) {
            return deadLetter(parsed.failure, parsed.detail, topic, partition, offset, parsed.tree, bytes);
        }
        ControlCommand c = parsed.value;
        if (c.type() == null || c.type().isBlank()) {
            return deadLetter(DeadLetterReason.MISSING_FIELD, "type is missing or blank", topic, partition, offset,
                    parsed.tree, bytes);
        }
        if (!c.isRescore() && !c.isRescoreAll()) {
            return null;
        }
        if (c.tenantId() == null || c.tenantId().isBlank()) {
            return deadLetter(DeadLetterReason.MISSING_FIELD, "tenant_id is missing or blank", topic, partition,
                    offset, parsed.tree, bytes);
        }
        if (c.isRescore() && (c.leadId() == null || c.leadId().isBlank())) {
            return deadLetter(DeadLetterReason.MISSING_REFERENCE, "a rescore needs lead_id", topic, partition, offset,
                    parsed.tree, bytes);
        }
        return ControlMessage.of(c);
    }

    private record Parsed<T>(T value, JsonNode tree, DeadLetterReason failure, String detail) {
    }

    /** Parses an object; {@code texts} must be strings when present (Jackson would turn a number into text). */
    private <T> Parsed<T> parse(byte[] bytes, Class<T> type, List<String> texts) {
        ObjectMapper json = mapper != null ? mapper : Json.mapper();
        JsonNode tree;
        try {
            tree = bytes == null || bytes.length == 0 ? null : json.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return new Parsed<>(null, null, DeadLetterReason.NOT_JSON, "not JSON: " + brief(e));
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed<>(null, tree, DeadLetterReason.NOT_JSON, "not a JSON object");
        }
        for (String field : texts) {
            JsonNode value = tree.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return new Parsed<>(null, tree, DeadLetterReason.WRONG_TYPE, field + " must be a string");
            }
        }
        try {
            return new Parsed<>(json.treeToValue(tree, type), tree, null, null);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "a field" : e.getPath().get(0).getFieldName();
            return new Parsed<>(null, tree, DeadLetterReason.WRONG_TYPE, field + " has the wrong type");
        } catch (JsonProcessingException | RuntimeException e) {
            return new Parsed<>(null, tree, DeadLetterReason.WRONG_TYPE, "unreadable: " + brief(e));
        }
    }

    private static ControlMessage deadLetter(DeadLetterReason reason, String detail, String topic, int partition,
                                             long offset, JsonNode tree, byte[] bytes) {
        String tenant = text(tree, "tenant_id");
        String id = text(tree, "announcement_id");
        if (id == null) {
            id = text(tree, "command_id");
        }
        return ControlMessage.of(DeadLetter.fromSource(reason, detail, topic, partition, offset, tenant, id,
                bytes == null ? new byte[0] : bytes));
    }

    private static String text(JsonNode tree, String field) {
        if (tree == null || !tree.isObject()) {
            return null;
        }
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_ID_LENGTH) {
            return null;
        }
        return node.asText();
    }

    private static String firstBlank(List<String> names, List<String> values) {
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i).isBlank()) {
                return names.get(i);
            }
        }
        return null;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String brief(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 200 ? first.substring(0, 200) : first;
    }
}
