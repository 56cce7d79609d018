package com.crmautopilot.cli.e2e;

import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.sinks.kafka.KafkaSources;
import com.crmautopilot.sinks.kafka.OutputSinks;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion job end to end on real components: a KRaft broker in this JVM, a MiniCluster with RocksDB and
 * checkpoints, exactly-once Kafka sinks read back with {@code read_committed}. The input is a simulated history
 * with injected disorder, duplicates and every kind of malformed record, and the outputs are checked against the
 * simulator's ground truth.
 */
class IngestionEndToEndTest {

    private static final int PARTITIONS = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK = EndToEndCluster.onRocksDb();

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void deadLettersDuplicatesAndProfilesMatchTheGroundTruth() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String eventsTopic = "crm.events." + run;
        String profilesTopic = "ai.lead-profiles." + run;
        String deadLetterTopic = "ai.dead-letter." + run;
        kafka.createTopics(List.of(eventsTopic, profilesTopic, deadLetterTopic), PARTITIONS);

        List<SimulatedRecord> records = new Simulator(SimulatorConfig.builder()
                .seed(7).days(40).tenants(2).leadsPerTenant(150).repsPerTenant(3).accountsPerTenant(40)
                .campaignsPerTenant(3)
                .outOfOrderFraction(0.05).duplicateFraction(0.01).malformedFraction(0.01)
                .build()).records().toList();
        Map<String, SimulatedRecord> byPosition = BrokerIo.produce(kafka, eventsTopic, records);

        JobSettings settings = JobSettings.fromMap(Map.of(
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "kafka.group-id", "e2e-" + run,
                "kafka.starting-offsets", "earliest",
                "topics.events", eventsTopic,
                "topics.lead-profiles", profilesTopic,
                "topics.dead-letter", deadLetterTopic,
                "sink.transactional-id-prefix", "e2e-" + run,
                "checkpoint.interval", "500 ms"));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LeadIntelligenceJob.jobConfiguration(settings));
        env.setParallelism(2);
        IngestionStreams streams = LeadIntelligenceJob.defineIngestion(env,
                KafkaSources.boundedToLatest(settings.sourceSettings(), new CrmEventsDeserializer(settings.validator())),
                settings.ingestion());
        LeadIntelligenceJob.attachSinks(streams,
                OutputSinks.leadProfiles(profilesTopic, settings.sinkSettings()),
                OutputSinks.deadLetters(deadLetterTopic, settings.sinkSettings()));
        env.execute("ingestion-e2e");

        List<DeadLetter> deadLetters = BrokerIo.readCommitted(kafka, deadLetterTopic).stream()
                .map(r -> Json.read(r.value(), DeadLetter.class)).toList();
        List<LeadProfile> profiles = BrokerIo.readCommitted(kafka, profilesTopic).stream()
                .map(r -> Json.read(r.value(), LeadProfile.class)).toList();

        assertMalformedRecordsAreDeadLetteredExactly(deadLetters, byPosition, records);
        assertDuplicatesAreDroppedExactly(deadLetters, records);
        assertThat(deadLetters).noneMatch(d -> d.reason() == DeadLetterReason.LATE);
        assertProfilesMatchTheCleanTruth(profiles, records);
    }

    private static void assertMalformedRecordsAreDeadLetteredExactly(List<DeadLetter> deadLetters,
                                                                     Map<String, SimulatedRecord> byPosition,
                                                                     List<SimulatedRecord> records) {
        Map<String, DeadLetterReason> injected = new HashMap<>();
        byPosition.forEach((position, record) -> {
            if (record.isMalformed()) {
                injected.put(position, record.defect());
            }
        });
        Map<String, DeadLetterReason> dead = new HashMap<>();
        for (DeadLetter d : deadLetters) {
            if (d.reason().isMalformed()) {
                assertThat(dead.put(d.sourceTopic() + "/" + d.sourcePartition() + "/" + d.sourceOffset(), d.reason()))
                        .as("one dead letter per malformed record").isNull();
            }
        }
        assertThat(injected).hasSizeGreaterThan(20);
        assertThat(Set.copyOf(injected.values())).as("every malformed kind was injected")
                .containsAll(java.util.Arrays.stream(DeadLetterReason.values())
                        .filter(DeadLetterReason::isMalformed).toList());
        assertThat(dead).isEqualTo(injected);
        // and the original bytes come back untouched
        for (DeadLetter d : deadLetters) {
            if (d.reason().isMalformed()) {
                SimulatedRecord original = byPosition.get(d.sourceTopic() + "/" + d.sourcePartition() + "/"
                        + d.sourceOffset());
                assertThat(d.originalBytes()).isEqualTo(original.value());
            }
        }
    }

    private static void assertDuplicatesAreDroppedExactly(List<DeadLetter> deadLetters, List<SimulatedRecord> records) {
        Map<String, Long> injected = records.stream().filter(SimulatedRecord::duplicate)
                .collect(Collectors.groupingBy(r -> r.tenantId() + "/" + r.eventId(), Collectors.counting()));
        Map<String, Long> dropped = deadLetters.stream().filter(d -> d.reason() == DeadLetterReason.DUPLICATE)
                .collect(Collectors.groupingBy(d -> d.tenantId() + "/" + d.eventId(), Collectors.counting()));
        assertThat(injected).isNotEmpty();
        assertThat(dropped).isEqualTo(injected);
    }

    private static void assertProfilesMatchTheCleanTruth(List<LeadProfile> profiles, List<SimulatedRecord> records) {
        Map<String, List<CrmEvent>> cleanByLead = new LinkedHashMap<>();
        for (SimulatedRecord r : records) {
            if (r.isClean()) {
                CrmEvent event = Json.read(r.value(), CrmEvent.class);
                if (event.leadId() != null) {
                    cleanByLead.computeIfAbsent(event.tenantId() + "/" + event.leadId(), k -> new ArrayList<>())
                            .add(event);
                }
            }
        }
        // The last profile a lead's own events produced: by then every one of its events has been read.
        Map<String, LeadProfile> lastEventDriven = new HashMap<>();
        for (LeadProfile p : profiles) {
            if (!LeadProfile.TRIGGER_WINDOW_EXPIRY.equals(p.trigger())) {
                lastEventDriven.merge(p.tenantId() + "/" + p.leadId(), p,
                        (a, b) -> b.version() >= a.version() ? b : a);
            }
        }
        assertThat(lastEventDriven.keySet()).isEqualTo(cleanByLead.keySet());
        cleanByLead.forEach((lead, events) -> {
            LeadProfile actual = lastEventDriven.get(lead);
            LeadProfile expected = ExpectedProfiles.recount(actual.tenantId(), actual.leadId(), events);
            assertThat(actual)
                    .as("profile of %s", lead)
                    .usingRecursiveComparison()
                    .ignoringFields("profileId", "version", "asOf", "trigger", "triggerEventId", "windowExpiresAt")
                    .isEqualTo(expected);
            assertThat(actual.asOf()).isEqualTo(expected.lastActivityAt());
            // the oldest windowed contribution leaves within the window's length, and never before now (a lead whose
            // window holds nothing, only lifecycle events, has no expiry)
            if (actual.windowExpiresAt() != null) {
                assertThat(actual.windowExpiresAt()).as("window expiry of %s", lead).isAfter(actual.asOf())
                        .isBeforeOrEqualTo(actual.asOf().plus(java.time.Duration.ofDays(30)));
            }
        });
        // versions of a lead are unique and gap-free in the committed output
        Map<String, List<Long>> versions = profiles.stream().collect(Collectors.groupingBy(
                p -> p.tenantId() + "/" + p.leadId(), Collectors.mapping(LeadProfile::version, Collectors.toList())));
        versions.forEach((lead, vs) -> assertThat(vs).as("versions of %s", lead).doesNotHaveDuplicates());
    }
}
