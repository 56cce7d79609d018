package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.config.ConfigDocuments;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.Serializable;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The text of suggestions, from {@code conf/suggestion-templates.yaml} (the identical copy on the classpath,
 * {@value #RESOURCE}, is the default). One title and one sentence per trigger type; {@code {name}} is replaced by
 * the value of that name, and a {@code [bracketed part]} is left out when a name inside it has no value, so a
 * trigger that knows less still reads well. A name outside brackets with no value reads {@code unknown}.
 *
 * <p>Names resolve in this order: {@code entity_name} (the entity id when there is no name), {@code entity_id},
 * {@code entity_kind}; {@code deal_amount}, {@code lead_score} and {@code close_date} from the candidate;
 * {@code X_date} from the fact {@code X_at} (an ISO instant) or {@code X_date} (an ISO date), formatted with
 * {@code date_format} in the user's time zone; else the fact of that name. Fact values found in {@code labels} are
 * replaced by their label ({@code email.sent} reads "an email"), item by item in a comma-separated list. The
 * output is plain text with control characters removed (no header injection through a subject); channels escape
 * it for their markup.
 */
public final class SuggestionTemplates implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RESOURCE = "suggestion-templates.yaml";
    /** Hostile or careless names are cut here: a suggestion is one line, not a document. */
    static final int MAX_VALUE_CHARS = 120;
    private static final String UNKNOWN = "unknown";

    private final String datePattern;
    private final Map<String, String> labels;
    private final Map<String, Template> templates;
    /** Built on first use in the task that renders (formatters are not serializable; DecimalFormat is not shared). */
    private transient DateTimeFormatter dates;
    private transient DecimalFormat amounts;

    private record Template(String title, String text) implements Serializable {
    }

    private SuggestionTemplates(String datePattern, Map<String, String> labels, Map<String, Template> templates) {
        this.datePattern = datePattern;
        this.labels = Map.copyOf(labels);
        this.templates = Map.copyOf(templates);
        DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH); // fails at load, not mid-stream
    }

    public static SuggestionTemplates defaults() {
        return ConfigDocuments.fromClasspath(SuggestionTemplates.class, RESOURCE, SuggestionTemplates::fromYaml);
    }

    public static SuggestionTemplates fromFile(Path file) {
        return ConfigDocuments.fromFile(file, SuggestionTemplates::fromYaml);
    }

    /** Parses and checks the file: every trigger type needs a title and a text, with balanced braces. */
    public static SuggestionTemplates fromYaml(String yaml, String source) {
        JsonNode root = ConfigDocuments.parseYaml(new YAMLMapper(), yaml, source);
        if (root == null || !root.path("templates").isObject()) {
            throw new IllegalArgumentException(source + " must have a templates mapping");
        }
        Map<String, String> labels = new HashMap<>();
        root.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        Map<String, Template> templates = new HashMap<>();
        for (TriggerType type : TriggerType.values()) {
            JsonNode node = root.path("templates").path(type.wireName());
            String title = node.path("title").asText("").trim();
            String text = node.path("text").asText("").trim();
            if (title.isEmpty() || text.isEmpty()) {
                throw new IllegalArgumentException(source + ": templates." + type.wireName() + " needs a title and a text");
            }
            checkBalanced(title, source, type);
            checkBalanced(text, source, type);
            templates.put(type.wireName(), new Template(title, text));
        }
        return new SuggestionTemplates(root.path("date_format").asText("MMM d"), labels, templates);
    }

    public RenderedText render(SuggestionCandidate candidate, ZoneId zone) {
        Template template = templates.get(candidate.triggerType());
        if (template == null) {
            // A trigger type newer than this file still produces a readable suggestion.
            template = new Template("Check {entity_name}", "{trigger} fired.");
        }
        Resolver resolver = new Resolver(candidate, zone);
        return new RenderedText(fill(template.title(), resolver), fill(template.text(), resolver));
    }

    private static String fill(String template, Resolver resolver) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '[') {
                int close = template.indexOf(']', i);
                String optional = template.substring(i + 1, close);
                String filled = fillPart(optional, resolver, true);
                if (filled != null) {
                    out.append(filled);
                }
                i = close + 1;
            } else {
                int next = template.indexOf('[', i);
                int end = next < 0 ? template.length() : next;
                out.append(fillPart(template.substring(i, end), resolver, false));
                i = end;
            }
        }
        return out.toString();
    }

    /** The part with its names replaced; null when {@code optional} and a name has no value. */
    private static String fillPart(String part, Resolver resolver, boolean optional) {
        StringBuilder out = new StringBuilder(part.length() + 16);
        int i = 0;
        while (i < part.length()) {
            int open = part.indexOf('{', i);
            if (open < 0) {
                out.append(part, i, part.length());
                break;
            }
            int close = part.indexOf('}', open);
            out.append(part, i, open);
            String value = resolver.value(part.substring(open + 1, close));
            if (value == null) {
                if (optional) {
                    return null;
                }
                value = UNKNOWN;
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }

    private final class Resolver {
        private final SuggestionCandidate candidate;
        private final ZoneId zone;
        private final DateTimeFormatter dates;

        Resolver(SuggestionCandidate candidate, ZoneId zone) {
            this.candidate = candidate;
            this.zone = zone;
            this.dates = dates();
        }

        String value(String name) {
            return switch (name) {
                case "entity_name" -> clean(candidate.entityName() == null || candidate.entityName().isBlank()
                        ? candidate.entityId() : candidate.entityName());
                case "entity_id" -> clean(candidate.entityId());
                case "entity_kind" -> clean(candidate.entityKind());
                case "trigger" -> clean(candidate.triggerType());
                case "deal_amount" -> candidate.dealAmount() == null ? fact(name) : amount(candidate.dealAmount());
                case "lead_score" -> candidate.leadScore() == null ? fact(name)
                        : String.valueOf(Math.round(candidate.leadScore()));
                case "close_date" -> candidate.closeDate() == null ? date("close") : dates.format(candidate.closeDate().atZone(zone));
                default -> name.endsWith("_date") ? date(name.substring(0, name.length() - "_date".length())) : fact(name);
            };
        }

        private String date(String prefix) {
            String at = candidate.facts().get(prefix + "_at");
            if (at != null) {
                try {
                    return dates.format(Instant.parse(at.trim()).atZone(zone));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            String day = candidate.facts().get(prefix + "_date");
            if (day != null) {
                try {
                    return dates.format(LocalDate.parse(day.trim()));
                } catch (DateTimeParseException e) {
                    return clean(day);
                }
            }
            return null;
        }

        private String fact(String name) {
            String value = candidate.facts().get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.indexOf(',') < 0) {
                return clean(labels.getOrDefault(value.trim(), value));
            }
            StringBuilder items = new StringBuilder();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.append(items.length() == 0 ? "" : ", ").append(labels.getOrDefault(item.trim(), item.trim()));
                }
            }
            return clean(items.toString());
        }
    }

    private DateTimeFormatter dates() {
        if (dates == null) {
            dates = DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH);
        }
        return dates;
    }

    private String amount(double value) {
        if (amounts == null) {
            amounts = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        }
        return amounts.format(value);
    }

    /** Removes control characters (no CR/LF into a mail header) and cuts overly long values. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_CHARS + 3));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE_CHARS; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (value.length() > MAX_VALUE_CHARS) {
            out.append("...");
        }
        return out.toString().trim();
    }

    private static void checkBalanced(String text, String source, TriggerType type) {
        int depthBrace = 0;
        int depthBracket = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case '{' -> depthBrace++;
                case '}' -> depthBrace--;
                case '[' -> depthBracket++;
                case ']' -> depthBracket--;
                default -> { }
            }
            if (depthBrace < 0 || depthBrace > 1 || depthBracket < 0 || depthBracket > 1) {
                break;
            }
        }
        if (depthBrace != 0 || depthBracket != 0) {
            throw new IllegalArgumentException(source + ": templates." + type.wireName()
                    + " has unbalanced {} or [] (no nesting): " + text);
        }
    }
}
