package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.config.ConfigDocuments;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.Tier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The suggested-actions rules table ({@code conf/suggested-actions.yaml}, with the same table on the classpath as
 * {@value #RESOURCE} for the default). Rules are tried in order; every rule whose conditions all hold adds its
 * action, until {@code max_actions} distinct actions. Conditions, all optional:
 * <ul>
 *   <li>{@code tier}: one tier or a list ({@code hot}, {@code warm}, {@code cold});</li>
 *   <li>{@code factor}: one feature or a list; holds when one of them is among the score's shown factors;</li>
 *   <li>{@code direction}: {@code positive} or {@code negative}, the way that factor pushes the score;</li>
 *   <li>{@code value}: that factor's evidence value, e.g. {@code unknown} for a missing attribute.</li>
 * </ul>
 * An action may quote the matched factor's value as {@code {value}}. A rule without conditions always applies,
 * which makes a good last line.
 */
public final class SuggestedActionRules implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RESOURCE = "suggested-actions.yaml";
    private static final Set<String> RULE_KEYS = Set.of("action", "tier", "factor", "direction", "value");
    private static final Set<String> TOP_KEYS = Set.of("max_actions", "rules");

    private final int maxActions;
    private final List<Rule> rules;

    public SuggestedActionRules(int maxActions, List<Rule> rules) {
        if (maxActions < 0) {
            throw new IllegalArgumentException("max_actions must not be negative, got " + maxActions);
        }
        this.maxActions = maxActions;
        this.rules = List.copyOf(rules);
    }

    /** The table shipped on the classpath. */
    public static SuggestedActionRules defaults() {
        return ConfigDocuments.fromClasspath(SuggestedActionRules.class, RESOURCE, SuggestedActionRules::fromYaml);
    }

    public static SuggestedActionRules fromFile(Path file) {
        return ConfigDocuments.fromFile(file, SuggestedActionRules::fromYaml);
    }

    /** Parses and checks a table; a mistake fails with a message naming the source and the rule. */
    public static SuggestedActionRules fromYaml(String yaml, String source) {
        JsonNode root = ConfigDocuments.parseYaml(new YAMLMapper(), yaml, source);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must be a mapping with max_actions and rules");
        }
        requireKnownKeys(root, TOP_KEYS, source);
        int maxActions = root.path("max_actions").isMissingNode() ? 3 : root.get("max_actions").asInt(-1);
        JsonNode rulesNode = root.path("rules");
        if (!rulesNode.isArray()) {
            throw new IllegalArgumentException(source + ": rules must be a list");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            rules.add(parseRule(rulesNode.get(i), source + " rule " + (i + 1)));
        }
        return new SuggestedActionRules(maxActions, rules);
    }

    /**
     * The actions for a score.
     *
     * @param shown the factors the score shows, positive and negative
     */
    public List<String> actionsFor(Tier tier, List<Factor> shown) {
        Set<String> actions = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (actions.size() >= maxActions) {
                break;
            }
            String action = rule.apply(tier, shown);
            if (action != null) {
                actions.add(action);
            }
        }
        return List.copyOf(actions);
    }

    public int maxActions() {
        return maxActions;
    }

    public List<Rule> rules() {
        return rules;
    }

    private static Rule parseRule(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
        requireKnownKeys(node, RULE_KEYS, where);
        String action = node.path("action").asText("").trim();
        if (action.isEmpty()) {
            throw new IllegalArgumentException(where + " has no action");
        }
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String tier : texts(node.get("tier"))) {
            try {
                tiers.add(Tier.fromWireName(tier));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": tier '" + tier + "' is not hot, warm or cold");
            }
        }
        List<String> factors = texts(node.get("factor"));
        for (String factor : factors) {
            if (LeadFeatures.template().indexOf(factor) < 0) {
                throw new IllegalArgumentException(where + ": factor '" + factor + "' is not a feature; known: "
                        + LeadFeatures.template().names());
            }
        }
        Direction direction = null;
        if (node.hasNonNull("direction")) {
            try {
                direction = Direction.valueOf(node.get("direction").asText().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": direction must be positive or negative");
            }
        }
        String value = node.hasNonNull("value") ? node.get("value").asText().trim() : null;
        if ((direction != null || value != null || action.contains("{value}")) && factors.isEmpty()) {
            throw new IllegalArgumentException(where + ": direction, value and {value} need a factor");
        }
        return new Rule(action, tiers, factors, direction, value);
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText().trim()));
        } else {
            out.add(node.asText().trim());
        }
        return out;
    }

    private static void requireKnownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key '" + name + "'; known: " + known);
            }
        }
    }

    public enum Direction { POSITIVE, NEGATIVE }

    /**
     * @param tiers  empty for any tier
     * @param factors empty for no factor condition
     */
    public record Rule(String action, Set<Tier> tiers, List<String> factors, Direction direction, String value)
            implements Serializable {

        public Rule {
            tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(tiers);
            factors = List.copyOf(factors);
        }

        /** The action with {@code {value}} filled in if the rule holds, else null. */
        String apply(Tier tier, List<Factor> shown) {
            if (!tiers.isEmpty() && !tiers.contains(tier)) {
                return null;
            }
            if (factors.isEmpty()) {
                return action;
            }
            for (Factor factor : shown) {
                if (factors.contains(factor.feature()) && holds(factor)) {
                    return action.replace("{value}", factor.value());
                }
            }
            return null;
        }

        private boolean holds(Factor factor) {
            if (direction == Direction.POSITIVE && !factor.isPositive()) {
                return false;
            }
            if (direction == Direction.NEGATIVE && factor.isPositive()) {
                return false;
            }
            return value == null || value.equalsIgnoreCase(factor.value());
        }
    }
}
