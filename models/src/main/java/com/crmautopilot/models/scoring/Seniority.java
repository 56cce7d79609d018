package com.crmautopilot.models.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Job-title seniority, parsed from free-text titles such as "Sr. Data Engineer" or "VP, Marketing".
 *
 * <p>Rules, checked in this order so that the strongest signal wins: an assistant <em>to</em> someone is junior
 * whoever they assist; C-level, president, VP, founder, owner, partner and managing director are exec; director,
 * head, senior, principal and lead are senior; junior, intern, trainee, assistant, associate, graduate and
 * apprentice are junior; any other non-blank title is mid. A blank title is unknown (null), which scores as missing.
 */
public enum Seniority {
    JUNIOR, MID, SENIOR, EXEC;

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private static final Set<String> C_LEVEL = Set.of(
            "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cro", "cpo", "cdo", "cso", "chro");
    private static final Set<String> EXEC_WORDS = Set.of(
            "chief", "president", "vp", "svp", "evp", "avp", "founder", "cofounder", "owner", "partner", "chairman",
            "chairwoman", "chair");
    private static final Set<String> SENIOR_WORDS = Set.of(
            "director", "head", "senior", "sr", "principal", "lead");
    private static final Set<String> JUNIOR_WORDS = Set.of(
            "junior", "jr", "intern", "internship", "trainee", "assistant", "associate", "graduate", "apprentice",
            "entry", "student");

    /** The vocabulary of the seniority feature, in order of rank. */
    public static List<String> vocabulary() {
        return Arrays.stream(values()).map(Seniority::wireName).toList();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The seniority a title implies, or null for a blank title. */
    public static Seniority parse(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String normalized = NON_WORD.matcher(title.toLowerCase(Locale.ROOT).replace("co-founder", "cofounder"))
                .replaceAll(" ").trim();
        if (normalized.isEmpty()) {
            return null;
        }
        List<String> words = List.of(normalized.split(" "));
        String spaced = " " + normalized + " ";
        if (spaced.contains(" assistant to ") || spaced.contains(" executive assistant ")) {
            return JUNIOR;
        }
        if (isExec(words, spaced)) {
            return EXEC;
        }
        if (isSenior(spaced)) {
            return SENIOR;
        }
        if (words.stream().anyMatch(JUNIOR_WORDS::contains)) {
            return JUNIOR;
        }
        return MID;
    }

    private static boolean isExec(List<String> words, String spaced) {
        return spaced.contains(" managing director ") || spaced.contains(" vice president ")
                || spaced.contains(" c level ") || spaced.contains(" c suite ")
                || words.stream().anyMatch(w -> C_LEVEL.contains(w) || EXEC_WORDS.contains(w));
    }

    private static boolean isSenior(String spaced) {
        // "Lead Generation Specialist" is about leads, not leading.
        String withoutLeadGen = spaced.replace(" lead generation ", " ").replace(" lead gen ", " ");
        return List.of(withoutLeadGen.trim().split(" ")).stream().anyMatch(SENIOR_WORDS::contains);
    }
}
