package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.Autopilot;
import com.crmautopilot.models.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands, run the way a newcomer runs them (small worlds, so it stays quick). These guard the
 * wiring, not the speed: figures come from the benchmark itself.
 */
class CommandsSmokeTest {

    @Test
    void demoShowsEventsFlowingAndStopsCleanlyAfterItsDuration() {
        String out = run("demo", "--duration", "25s", "--summary-every", "5s", "--days", "10",
                "--tenants", "2", "--leads-per-tenant", "100", "--events-per-second", "1500");

        assertThat(out).contains("Flink UI:", "Kafka:", "lead-intelligence RUNNING", "Demo stopped cleanly.");
        Matcher visible = Pattern.compile("committed and visible downstream: ([\\d,]+)").matcher(out);
        long lastVisible = 0;
        while (visible.find()) {
            lastVisible = Long.parseLong(visible.group(1).replace(",", ""));
        }
        assertThat(lastVisible).as("profiles visible to a read_committed consumer").isPositive();
        assertThat(out).containsPattern("dead-lettered [1-9][\\d,]* \\(");
        assertThat(out).as("the shipped model scores leads live").containsPattern("scores changed [1-9]")
                .containsPattern("\\* t\\d/lead-\\d+ score \\d+ (HOT|WARM|COLD)");
        assertThat(out).as("suggestions arrive live, by user and channel").contains("suggestion-delivery RUNNING")
                .containsPattern("suggestions [1-9][\\d,]* \\| in-app notifications [1-9]")
                .containsPattern("@ t\\d/user-\\d+: inapp [1-9]");
    }

    @Test
    void simulateWritesEventsAndTruth(@TempDir Path dir) throws Exception {
        String out = run("simulate", "--out", dir.toString(), "--days", "5", "--tenants", "1",
                "--leads-per-tenant", "50", "--seed", "3");

        assertThat(out).contains("wrote ");
        assertThat(Files.lines(dir.resolve("events.jsonl")).count()).isPositive();
        assertThat(dir.resolve("truth").resolve("leads.csv")).exists();
        assertThat(dir.resolve("truth").resolve("defects.jsonl")).exists();
    }

    @Test
    void benchIngestReportsEveryFigureAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        String out = run("bench", "ingest", "--events", "5000", "--latency-rate", "500", "--latency-duration", "4s",
                "--json", json.toString());

        assertThat(out).contains("ingestion events/s", "baseline events/s", "p99 end-to-end latency");
        JsonNode figures = Json.mapper().readTree(json.toFile());
        for (String key : new String[] {"events_per_s", "baseline_events_per_s", "ratio", "p50_ms", "p99_ms",
                "peak_heap_mb"}) {
            assertThat(figures.path(key).isNumber()).as(key).isTrue();
            assertThat(figures.path(key).asDouble()).as(key).isPositive();
        }
        assertThat(figures.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(figures.path("p50_ms").asDouble());
    }

    @Test
    void benchScoreReportsEveryFigureAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench-score.json");
        String out = run("bench", "score", "--events", "4000", "--no-jmh", "--latency-rate", "100",
                "--latency-duration", "4s", "--json", json.toString());

        assertThat(out).contains("| events_per_s", "| p99_ms", "wrote " + json);
        JsonNode figures = Json.mapper().readTree(json.toFile());
        for (String key : new String[] {"events_per_s", "baseline_events_per_s", "ratio", "p50_ms", "p99_ms",
                "predictions", "explanations"}) {
            assertThat(figures.path(key).isNumber()).as(key).isTrue();
            assertThat(figures.path(key).asDouble()).as(key).isPositive();
        }
        assertThat(figures.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(figures.path("p50_ms").asDouble());
    }

    @Test
    void benchSuggestReportsLatencyAndSuggestionsByTriggerAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench-suggest.json");
        String out = run("bench", "suggest", "--events", "4000", "--latency-rate", "250", "--latency-duration", "4s",
                "--json", json.toString());

        assertThat(out).contains("| events_per_s", "| p99_ms", "suggestions by trigger", "wrote " + json);
        JsonNode figures = Json.mapper().readTree(json.toFile());
        for (String key : new String[] {"events_per_s", "baseline_events_per_s", "ingest_events_per_s", "p50_ms",
                "p99_ms", "suggestions", "scored_events_per_s"}) {
            assertThat(figures.path(key).isNumber()).as(key).isTrue();
            assertThat(figures.path(key).asDouble()).as(key).isPositive();
        }
        assertThat(figures.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(figures.path("p50_ms").asDouble());
        assertThat(figures.path("by_trigger").isObject()).isTrue();
        assertThat(figures.path("by_trigger").size()).isPositive();
        assertThat(figures.path("by_trigger").path("score_jump").asLong())
                .as("the scored run feeds the triggers that read scores").isPositive();
        assertThat(figures.path("by_trigger").path("lead_went_cold").asLong()).isPositive();
        assertThat(figures.path("per_1k_events_by_trigger").size()).isEqualTo(figures.path("by_trigger").size());
    }

    private static String run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            exitCode = Autopilot.newCommandLine().execute(args);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(exitCode).as("exit code of %s; output:%n%s", String.join(" ", args), out).isZero();
        return out;
    }
}
