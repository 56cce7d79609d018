package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.FeedbackAction;
import com.crmautopilot.models.suggest.Priority;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.crmautopilot.models.output.DeadLetterReason.*;

/**
 * Decodes {@code crm.feedback} and {@code crm.preferences} records. It never throws: every record becomes a value or
 * a {@link DeadLetter} with the original bytes, the source position and one of the {@link DeadLetterReason}s the
 * event validator uses: {@code not_json} (not a JSON object, duplicate keys, invalid Unicode), {@code oversized},
 * {@code missing_field} (a required field absent, null or blank), {@code wrong_type} (a number where a string
 * belongs, an over-long id...), {@code unknown_type} (an unknown action, trigger type or muted trigger),
 * {@code bad_timestamp}, {@code future_timestamp} (an {@code occurred_at} or {@code updated_at} more than the
 * validator's {@code max-future-skew} ahead of this machine's clock: one such record would carry the engine's
 * event time, and its digests, sweeps and held pushes, into the future), and {@code invalid_payload} (a value of the
 * right type that means nothing: a time zone, a quiet-hours time, a digest hour, a priority, an address).
 *
 * <p>Required: feedback needs {@code feedback_id, tenant_id, user_id, suggestion_id, action, occurred_at};
 * {@code trigger_type} and {@code snooze_until} are optional. Preferences need {@code tenant_id} and
 * {@code updated_at}; a missing {@code user_id} makes them the tenant's defaults.
 */
public final class SuggestionInputDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024;
    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_DETAIL_CHARS = 240;

    private final int maxRecordBytes;
    private final Duration maxFutureSkew;
    private final Clock clock;
    private transient ObjectReader reader;

    public SuggestionInputDecoder(int maxRecordBytes) {
        this(maxRecordBytes, ValidatorConfig.DEFAULT_MAX_FUTURE_SKEW);
    }

    public SuggestionInputDecoder(int maxRecordBytes, Duration maxFutureSkew) {
        // The wall clock of the machine that reads the record, as for crm.events.
        this(maxRecordBytes, maxFutureSkew, Clock.systemUTC());
    }

    SuggestionInputDecoder(int maxRecordBytes, Duration maxFutureSkew, Clock clock) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, got " + maxRecordBytes);
        }
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative, got " + maxFutureSkew);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    public static SuggestionInputDecoder withDefaults() {
        return new SuggestionInputDecoder(DEFAULT_MAX_RECORD_BYTES);
    }

    public DecodedFeedback decodeFeedback(byte[] value, String topic, int partition, long offset) {
        try {
            Reading reading = read(value);
            if (reading.failure != null) {
                return DecodedFeedback.of(deadLetter(reading.failure, null, null, value, topic, partition, offset));
            }
            Record record = new Record(reading.root);
            UserFeedback feedback = record.feedback();
            if (record.failure != null) {
                return DecodedFeedback.of(deadLetter(record.failure, record.tenantId, record.recordId, value, topic,
                        partition, offset));
            }
            return DecodedFeedback.of(feedback);
        } catch (RuntimeException | StackOverflowError e) {
            return DecodedFeedback.of(deadLetter(new Failure(NOT_JSON, "could not be read: " + e), null, null, value,
                    topic, partition, offset));
        }
    }

    public DecodedPreferences decodePreferences(byte[] value, String topic, int partition, long offset) {
        try {
            Reading reading = read(value);
            if (reading.failure != null) {
                return DecodedPreferences.of(deadLetter(reading.failure, null, null, value, topic, partition, offset));
            }
            Record record = new Record(reading.root);
            UserPreferences preferences = record.preferences();
            if (record.failure != null) {
                return DecodedPreferences.of(deadLetter(record.failure, record.tenantId, record.recordId, value, topic,
                        partition, offset));
            }
            return DecodedPreferences.of(preferences);
        } catch (RuntimeException | StackOverflowError e) {
            return DecodedPreferences.of(deadLetter(new Failure(NOT_JSON, "could not be read: " + e), null, null,
                    value, topic, partition, offset));
        }
    }

    private record Failure(DeadLetterReason reason, String detail) {
    }

    private record Reading(JsonNode root, Failure failure) {
    }

    private Reading read(byte[] value) {
        if (value == null || value.length == 0) {
            return new Reading(null, new Failure(NOT_JSON, "empty record"));
        }
        if (value.length > maxRecordBytes) {
            return new Reading(null, new Failure(OVERSIZED,
                    "record is " + value.length + " bytes, over the limit of " + maxRecordBytes));
        }
        if (reader == null) {
            reader = Json.mapper().reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        JsonNode root;
        try {
            root = reader.readTree(value);
        } catch (IOException e) {
            return new Reading(null, new Failure(NOT_JSON, "not JSON: " + firstLine(e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            return new Reading(null, new Failure(NOT_JSON, "the record is not a JSON object"));
        }
        return new Reading(root, null);
    }

    /** The checks of one record; the first failure wins and stops the reading. */
    private final class Record {
        private final JsonNode root;
        private final String tenantId;
        private String recordId;
        private Failure failure;

        Record(JsonNode root) {
            this.root = root;
            JsonNode tenant = root.get("tenant_id");
            this.tenantId = tenant != null && tenant.isTextual() && !tenant.textValue().isBlank()
                    && tenant.textValue().length() <= MAX_ID_LENGTH ? tenant.textValue() : null;
        }

        UserFeedback feedback() {
            JsonNode feedbackId = root.get("feedback_id");
            recordId = feedbackId != null && feedbackId.isTextual() && feedbackId.textValue().length() <= MAX_ID_LENGTH
                    ? feedbackId.textValue() : null;
            String id = requiredId("feedback_id");
            String tenant = requiredId("tenant_id");
            String user = requiredId("user_id");
            String suggestion = requiredId("suggestion_id");
            String actionName = requiredText("action");
            String occurred = requiredText("occurred_at");
            String trigger = optionalText("trigger_type");
            String snooze = optionalText("snooze_until");
            if (failure != null) {
                return null;
            }
            FeedbackAction action = FeedbackAction.fromWire(actionName).orElse(null);
            if (action == null) {
                return fail(UNKNOWN_TYPE, "unknown action " + quote(actionName) + "; known: accepted, dismissed, "
                        + "snoozed, acted, approved, rejected");
            }
            if (trigger != null && TriggerType.fromWire(trigger).isEmpty()) {
                return fail(UNKNOWN_TYPE, "unknown trigger_type " + quote(trigger));
            }
            Instant occurredAt = notAhead("occurred_at", instant("occurred_at", occurred));
            Instant snoozeUntil = snooze == null ? null : instant("snooze_until", snooze);
            if (failure != null) {
                return null;
            }
            return new UserFeedback(id, tenant, user, suggestion, trigger, action.wireName(), snoozeUntil, occurredAt);
        }

        UserPreferences preferences() {
            String tenant = requiredId("tenant_id");
            String user = optionalId("user_id");
            String updated = requiredText("updated_at");
            Boolean inapp = optionalBoolean("inapp");
            Boolean email = optionalBoolean("email");
            Boolean slack = optionalBoolean("slack");
            List<String> muted = optionalTextList("muted_triggers");
            String minPush = optionalText("min_push_priority");
            String quietStart = optionalText("quiet_hours_start");
            String quietEnd = optionalText("quiet_hours_end");
            String zone = optionalText("time_zone");
            Integer digestHour = optionalInteger("digest_hour");
            String address = optionalText("email_address");
            String webhook = optionalText("slack_webhook_url");
            if (failure != null) {
                return null;
            }
            recordId = user;
            Instant updatedAt = notAhead("updated_at", instant("updated_at", updated));
            if (failure != null) {
                return null;
            }
            if (muted != null) {
                for (String type : muted) {
                    if (TriggerType.fromWire(type).isEmpty()) {
                        return fail(UNKNOWN_TYPE, "muted_triggers names an unknown trigger type " + quote(type));
                    }
                }
            }
            if (minPush != null && Priority.fromWire(minPush).isEmpty()) {
                return fail(INVALID_PAYLOAD, "min_push_priority must be high, medium or low, got " + quote(minPush));
            }
            if ((quietStart == null) != (quietEnd == null)) {
                return fail(INVALID_PAYLOAD, "quiet_hours_start and quiet_hours_end go together");
            }
            if (quietStart != null && (!isTime(quietStart) || !isTime(quietEnd))) {
                return fail(INVALID_PAYLOAD, "quiet hours must be local times such as 22:00, got "
                        + quote(quietStart) + " to " + quote(quietEnd));
            }
            if (zone != null && !isZone(zone)) {
                return fail(INVALID_PAYLOAD, "time_zone is not an IANA zone id: " + quote(zone));
            }
            if (digestHour != null && (digestHour < 0 || digestHour > 23)) {
                return fail(INVALID_PAYLOAD, "digest_hour must be 0 to 23, got " + digestHour);
            }
            if (address != null && (address.indexOf('@') <= 0 || address.length() > 320 || hasControl(address))) {
                return fail(INVALID_PAYLOAD, "email_address is not an address: " + quote(address));
            }
            if (webhook != null && (!webhook.toLowerCase(Locale.ROOT).startsWith("https://") || hasControl(webhook))) {
                return fail(INVALID_PAYLOAD, "slack_webhook_url must be an https URL, got " + quote(webhook));
            }
            return new UserPreferences(tenant, user, inapp, email, slack, muted, minPush, quietStart, quietEnd, zone,
                    digestHour, address, webhook, updatedAt);
        }

        private String requiredId(String field) {
            String text = requiredText(field);
            return text == null ? null : checkedId(field, text);
        }

        private String optionalId(String field) {
            String text = optionalText(field);
            return text == null ? null : checkedId(field, text);
        }

        private String checkedId(String field, String text) {
            if (failure != null) {
                return null;
            }
            if (text.length() > MAX_ID_LENGTH) {
                fail(WRONG_TYPE, field + " is " + text.length() + " characters, over " + MAX_ID_LENGTH);
                return null;
            }
            if (loneSurrogate(text)) {
                fail(NOT_JSON, field + " is not valid Unicode (a lone surrogate)");
                return null;
            }
            return text;
        }

        private String requiredText(String field) {
            if (failure != null) {
                return null;
            }
            JsonNode node = root.get(field);
            if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
                fail(MISSING_FIELD, field + (node == null ? " is missing" : node.isNull() ? " is null" : " is blank"));
                return null;
            }
            if (!node.isTextual()) {
                fail(WRONG_TYPE, field + " must be a string, got " + describe(node));
                return null;
            }
            return node.textValue();
        }

        private String optionalText(String field) {
            if (failure != null) {
                return null;
            }
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                fail(WRONG_TYPE, field + " must be a string, got " + describe(node));
                return null;
            }
            return node.textValue().isBlank() ? null : node.textValue().trim();
        }

        private Boolean optionalBoolean(String field) {
            if (failure != null) {
                return null;
            }
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                fail(WRONG_TYPE, field + " must be true or false, got " + describe(node));
                return null;
            }
            return node.booleanValue();
        }

        private Integer optionalInteger(String field) {
            if (failure != null) {
                return null;
            }
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                fail(WRONG_TYPE, field + " must be an integer, got " + describe(node));
                return null;
            }
            return node.intValue();
        }

        private List<String> optionalTextList(String field) {
            if (failure != null) {
                return null;
            }
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                fail(WRONG_TYPE, field + " must be a list of strings, got " + describe(node));
                return null;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    fail(WRONG_TYPE, field + " must hold strings only, got " + describe(element));
                    return null;
                }
                values.add(element.textValue());
            }
            return values;
        }

        private Instant instant(String field, String text) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                fail(BAD_TIMESTAMP, field + " " + quote(text) + " is not an ISO-8601 instant such as 2026-03-01T10:00:00Z");
                return null;
            }
        }

        /** {@code at}, unless it lies more than the allowed skew ahead of the clock (then a failure). */
        private Instant notAhead(String field, Instant at) {
            if (at == null) {
                return null;
            }
            Instant now = clock.instant();
            if (at.isAfter(now.plus(maxFutureSkew))) {
                return fail(FUTURE_TIMESTAMP, field + " " + at + " is more than " + maxFutureSkew + " ahead of " + now);
            }
            return at;
        }

        private <T> T fail(DeadLetterReason reason, String detail) {
            if (failure == null) {
                failure = new Failure(reason, detail);
            }
            return null;
        }
    }

    private static DeadLetter deadLetter(Failure failure, String tenantId, String recordId, byte[] value, String topic,
                                         int partition, long offset) {
        return DeadLetter.fromSource(failure.reason(), clip(failure.detail(), MAX_DETAIL_CHARS), topic, partition,
                offset, tenantId, recordId, value == null ? new byte[0] : value);
    }

    private static boolean isTime(String text) {
        try {
            LocalTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static boolean loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string " + quote(node.textValue());
            case NUMBER -> "number " + clip(node.asText(), 40);
            case BOOLEAN -> "boolean " + node.asText();
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String quote(String text) {
        return '"' + clip(text, 60) + '"';
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return clip(newline < 0 ? message : message.substring(0, newline), 180);
    }

    /** Short and printable: details echo hostile input into logs and dead letters. */
    private static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 3);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        if (text.length() > max) {
            out.append("...");
        }
        return out.toString();
    }
}
