package com.crmautopilot.cli.runtime;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.operators.metrics.IngestionCounts;
import com.crmautopilot.operators.metrics.InProcessCounters;
import com.crmautopilot.simulator.kafka.KafkaEventProducer;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's periodic, readable account of what flows: counts from the operators, and the latest outputs. */
public final class LiveSummary {

    private static final DateTimeFormatter SIM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final KafkaEventProducer producer;
    private final OutputWatcher watcher;
    private final DemoRuntime runtime;
    private final long startNanos = System.nanoTime();
    private long lastSent;
    private long lastNanos = startNanos;

    public LiveSummary(PrintStream out, KafkaEventProducer producer, OutputWatcher watcher, DemoRuntime runtime) {
        this.out = out;
        this.producer = producer;
        this.watcher = watcher;
        this.runtime = runtime;
    }

    public void print() {
        long now = System.nanoTime();
        long sent = producer.sent();
        double rate = (sent - lastSent) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastSent = sent;
        lastNanos = now;
        IngestionCounts counts = InProcessCounters.snapshot();
        List<LeadProfile> latest = watcher.latestProfiles();
        String simTime = latest.isEmpty() ? "-" : SIM_TIME.format(latest.get(0).asOf());
        String jobStates = runtime.jobs().entrySet().stream()
                .map(e -> e.getKey() + " " + runtime.flink().status(e.getValue()))
                .collect(Collectors.joining(", "));

        out.printf(Locale.ROOT, "[%s] produced %,d events (%,.0f/s), simulated time %s | %s%n",
                elapsed(now), sent, rate, simTime, jobStates);
        out.printf(Locale.ROOT, "  events in %,d | dead-lettered %,d %s | duplicates dropped %,d | late %,d%n",
                counts.eventsIn(), counts.deadLettered(), reasons(counts), counts.duplicatesDropped(),
                counts.lateEvents());
        out.printf(Locale.ROOT, "  profiles updated %,d (committed and visible downstream: %,d)%n",
                counts.profilesEmitted(), watcher.profiles());
        for (LeadProfile p : latest.subList(0, Math.min(3, latest.size()))) {
            out.printf(Locale.ROOT, "  > %s/%s v%d %s: opens %d, clicks %d, visits %d, downloads %d in 30d%s (%s)%n",
                    p.tenantId(), p.leadId(), p.version(), p.name() == null ? "" : p.name(),
                    p.emailOpens30d(), p.emailClicks30d(), p.webVisits30d(), p.contentDownloads30d(),
                    p.demoRequested() ? ", demo requested" : "", p.trigger());
        }
        out.printf(Locale.ROOT, "  scores changed %,d | tier changes %,d (committed and visible)%n",
                watcher.scores(), watcher.tierChanges());
        for (LeadScore score : watcher.latestScores().subList(0, Math.min(2, watcher.latestScores().size()))) {
            String why = !score.factors().positive().isEmpty() ? "+ " + score.factors().positive().get(0)
                    : !score.factors().negative().isEmpty() ? "- " + score.factors().negative().get(0) : "";
            out.printf(Locale.ROOT, "  * %s/%s score %d %s (confidence %.2f, %s): %s%n", score.tenantId(),
                    score.leadId(), score.score(), score.tier(), score.confidence(), score.modelVersion(),
                    abbreviate(why, 90));
        }
        for (ScoreChange change : watcher.latestTierChanges().subList(0,
                Math.min(2, watcher.latestTierChanges().size()))) {
            out.printf(Locale.ROOT, "  ^ %s/%s %s -> %s (%d -> %d): %s%n", change.tenantId(), change.leadId(),
                    change.oldTier(), change.newTier(), change.oldScore(), change.newScore(),
                    abbreviate(change.why(), 90));
        }
        printSuggestions();
        List<DeadLetter> letters = watcher.latestDeadLetters();
        if (!letters.isEmpty()) {
            DeadLetter d = letters.get(0);
            out.printf(Locale.ROOT, "  x dead letter: %s - %s%n", d.reason().wireName(), abbreviate(d.detail(), 100));
        }
        out.println();
    }

    /** Suggestions by user and channel (the busiest users first), and the latest ones, as committed downstream. */
    private void printSuggestions() {
        out.printf(Locale.ROOT, "  suggestions %,d | in-app notifications %,d (committed and visible)%n",
                watcher.suggestions(), watcher.inappNotifications());
        watcher.suggestionsByUserAndChannel().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) ->
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()).reversed())
                .limit(4)
                .forEach(e -> out.printf(Locale.ROOT, "  @ %s: %s%n", e.getKey(), e.getValue().entrySet().stream()
                        .map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", "))));
        for (Suggestion s : watcher.latestSuggestions().subList(0, Math.min(2, watcher.latestSuggestions().size()))) {
            out.printf(Locale.ROOT, "  ! %s/%s [%s] %s: %s%n", s.tenantId(), s.userId(), s.priority(),
                    s.triggerType(), abbreviate(s.title() + ": " + s.text(), 100));
        }
    }

    private static String reasons(IngestionCounts counts) {
        if (counts.deadLetteredByReason().isEmpty()) {
            return "";
        }
        return counts.deadLetteredByReason().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private String elapsed(long now) {
        long seconds = (now - startNanos) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
