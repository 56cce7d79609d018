package com.crmautopilot.cli.e2e;

import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.jobs.suggest.SuggestionCounter;
import com.crmautopilot.jobs.suggest.SuggestionDeliveryJob;
import com.crmautopilot.jobs.suggest.SuggestionDeliverySettings;
import com.crmautopilot.jobs.suggest.SuggestionDeliverySources;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.operators.metrics.InProcessCounters;
import com.crmautopilot.operators.suggest.SuggestionEngineFunction;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.world.Rep;
import com.crmautopilot.sinks.notify.DeliverySettings;
import com.crmautopilot.sinks.notify.SlackSettings;
import com.crmautopilot.sinks.notify.SmtpSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.mail.internet.MimeMessage;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suggestion-delivery job end to end on real components: a simulated world's events, people's preferences and
 * feedback go through the in-process broker into the whole Kafka job (triggers, engine, delivery) on a MiniCluster
 * with RocksDB; suggestions and in-app notifications are read back {@code read_committed}; high-priority mail lands
 * in a GreenMail SMTP server and Slack posts in a local HTTPS receiver (the webhook guard's test-only loopback mode,
 * since preferences accept https webhooks only).
 */
class SuggestionsEndToEndTest {

    private static final int PARTITIONS = 2;
    private static final String PASSWORD = "changeit";

    @RegisterExtension
    static final MiniClusterExtension FLINK = EndToEndCluster.onRocksDb();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static HttpsServer slack;
    private static SSLContext previousDefault;
    private static final ConcurrentLinkedQueue<String[]> slackPosts = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startBrokerAndSlack() throws Exception {
        kafka = EmbeddedKafka.start();
        SSLContext tls = selfSignedLoopbackTls(dir.resolve("slack.p12"));
        previousDefault = SSLContext.getDefault();
        // The job's HTTP client trusts the default context: make it the receiver's self-signed certificate.
        SSLContext.setDefault(tls);
        slack = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.setHttpsConfigurator(new HttpsConfigurator(tls));
        slack.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                slackPosts.add(new String[] {exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-Autopilot-Notification-Id"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)});
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slack.setExecutor(Executors.newFixedThreadPool(4));
        slack.start();
    }

    @AfterAll
    static void stop() {
        if (slack != null) {
            slack.stop(0);
        }
        if (previousDefault != null) {
            SSLContext.setDefault(previousDefault);
        }
        kafka.close();
    }

    @Test
    void suggestionsArriveAndReachEveryChannelOnceWithinTheirTenant() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder()
                .seed(11).days(40).tenants(2).leadsPerTenant(120).repsPerTenant(3).accountsPerTenant(25)
                .campaignsPerTenant(2).build();
        Simulator simulator = new Simulator(config);
        List<SimulatedRecord> records = simulator.records().toList();
        List<Rep> reps = simulator.world().reps();
        Map<String, Set<String>> usersByTenant = reps.stream().collect(Collectors.groupingBy(Rep::tenantId,
                Collectors.mapping(Rep::userId, Collectors.toSet())));
        List<String> tenants = usersByTenant.keySet().stream().sorted().toList();
        Rep rep = reps.get(0);

        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> values = new HashMap<>();
        for (String key : SuggestionDeliverySettings.DEFAULTS.keySet()) {
            if (key.startsWith("topics.")) {
                values.put(key, SuggestionDeliverySettings.DEFAULTS.get(key) + "." + run);
            }
        }
        values.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        values.put("kafka.group-id", "suggest-e2e-" + run);
        values.put("kafka.starting-offsets", "earliest");
        values.put("sink.transactional-id-prefix", "suggest-e2e-" + run);
        values.put("checkpoint.interval", "500 ms");
        // The score topics stay empty here: they must not hold back event time for long.
        values.put("ingestion.idleness", "2 s");
        SuggestionDeliverySettings settings = SuggestionDeliverySettings.fromMap(values);
        List<String> topics = values.entrySet().stream().filter(e -> e.getKey().startsWith("topics."))
                .map(Map.Entry::getValue).toList();
        kafka.createTopics(topics, PARTITIONS);

        // Every tenant: email and Slack on for its team by default; one rep has their own address and webhook.
        String before = config.start().minus(Duration.ofDays(1)).toString();
        List<SimulatedRecord> preferences = new ArrayList<>();
        for (String tenant : tenants) {
            preferences.add(json(tenant, "{\"tenant_id\":\"" + tenant + "\",\"email\":true,\"slack\":true,"
                    + "\"email_address\":\"team@" + tenant + ".example\",\"slack_webhook_url\":\""
                    + webhook("/" + tenant) + "\",\"updated_at\":\"" + before + "\"}"));
        }
        preferences.add(json(rep.tenantId(), "{\"tenant_id\":\"" + rep.tenantId() + "\",\"user_id\":\""
                + rep.userId() + "\",\"email_address\":\"rep@" + rep.tenantId() + ".example\","
                + "\"slack_webhook_url\":\"" + webhook("/rep") + "\",\"updated_at\":\"" + before + "\"}"));
        preferences.add(json(rep.tenantId(), "{not json"));
        preferences.add(json(rep.tenantId(), "{\"tenant_id\":\"" + rep.tenantId() + "\",\"time_zone\":\"Mars/Olympus\","
                + "\"updated_at\":\"" + before + "\"}"));
        List<SimulatedRecord> feedback = List.of(
                json(rep.tenantId(), "{\"feedback_id\":\"f-1\",\"tenant_id\":\"" + rep.tenantId() + "\",\"user_id\":\""
                        + rep.userId() + "\",\"suggestion_id\":\"sg-unknown\",\"trigger_type\":\"hot_lead\","
                        + "\"action\":\"accepted\",\"occurred_at\":\"" + before + "\"}"),
                json(rep.tenantId(), "[1, 2, 3]"),
                json(rep.tenantId(), "{\"feedback_id\":\"f-2\",\"tenant_id\":\"" + rep.tenantId() + "\"}"),
                // From tomorrow: it would carry the feedback's event time, and so the engine's, into the future.
                json(rep.tenantId(), "{\"feedback_id\":\"f-3\",\"tenant_id\":\"" + rep.tenantId() + "\",\"user_id\":\""
                        + rep.userId() + "\",\"suggestion_id\":\"sg-unknown\",\"action\":\"dismissed\","
                        + "\"occurred_at\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}"));
        BrokerIo.produce(kafka, settings.topic(SuggestionDeliverySettings.PREFERENCES), preferences);
        BrokerIo.produce(kafka, settings.topic(SuggestionDeliverySettings.FEEDBACK), feedback);

        DeliverySettings delivery = settings.deliverySettings()
                .withSmtp(SmtpSettings.plain("127.0.0.1", SMTP.getSmtp().getPort(), "autopilot@test.example"))
                // Generous timeouts: the JDK's HTTPS stand-in does its TLS handshakes one at a time, and a connect
                // timeout during a burst is retried although the request may already have gone out (the documented
                // at-least-once window), which would read here as a duplicate post.
                .withSlack(new SlackSettings(List.of("hooks.slack.com"), true, Duration.ofSeconds(30),
                        Duration.ofSeconds(30), 200, 1));
        InProcessCounters.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                SuggestionDeliveryJob.jobConfiguration(settings));
        env.setParallelism(2);
        SuggestionDeliveryJob.defineKafkaPipeline(env, settings, SuggestionDeliverySources.kafka(settings), delivery);
        JobClient job = env.executeAsync("suggest-e2e");
        try {
            // Preferences first, so routing sees them before the first candidate: each tenant's defaults on every
            // parallel instance of the engine (broadcast), and the rep's own.
            awaitPreferences(tenants.size() * env.getParallelism() + 1);
            BrokerIo.produce(kafka, settings.topic(SuggestionDeliverySettings.EVENTS), records);
            awaitQuiet(records.size());
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }

        List<Suggestion> suggestions = BrokerIo.readCommitted(kafka, settings.topic(SuggestionDeliverySettings.SUGGESTIONS))
                .stream().map(r -> Json.read(r.value(), Suggestion.class)).toList();
        List<Notification> inapp = BrokerIo.readCommitted(kafka,
                        settings.topic(SuggestionDeliverySettings.NOTIFICATIONS_INAPP))
                .stream().map(r -> Json.read(r.value(), Notification.class)).toList();
        List<DeadLetter> deadLetters = BrokerIo.readCommitted(kafka, settings.topic(SuggestionDeliverySettings.DEAD_LETTER))
                .stream().map(r -> Json.read(r.value(), DeadLetter.class)).toList();
        List<Suggestion> active = suggestions.stream().filter(s -> Suggestion.ACTIVE.equals(s.status())).toList();
        System.out.printf("suggestions e2e: %d records, %d suggestion records (%d active), %d in-app, %d mails,"
                        + " %d Slack posts, %d dead letters%n", records.size(), suggestions.size(), active.size(),
                inapp.size(), SMTP.getReceivedMessages().length, slackPosts.size(), deadLetters.size());

        assertThat(active).hasSizeGreaterThan(20);
        assertThat(active.stream().map(Suggestion::triggerType).distinct().count()).isGreaterThanOrEqualTo(4);

        // In-app: exactly-once, one per suggestion routed in-app, never outside its tenant.
        assertThat(inapp).extracting(Notification::notificationId).doesNotHaveDuplicates();
        Set<String> routedInapp = active.stream().filter(s -> s.channels().contains(Channel.INAPP.wireName()))
                .map(s -> SuggestionIds.notification(s.suggestionId(), Channel.INAPP)).collect(Collectors.toSet());
        assertThat(inapp.stream().map(Notification::notificationId).collect(Collectors.toSet()))
                .isEqualTo(routedInapp);
        // A candidate whose owner was never assigned has no user: it is kept for the audit, and notifies nobody.
        assertThat(suggestions.stream().filter(s -> s.userId() != null)).allSatisfy(s -> assertThat(
                usersByTenant.get(s.tenantId())).as("users of %s", s.tenantId()).contains(s.userId()));
        assertThat(inapp).allSatisfy(n -> assertThat(usersByTenant.get(n.tenantId()))
                .as("users of %s", n.tenantId()).contains(n.userId()));

        // Email: every high-priority suggestion routed to email is one mail, to its tenant's or rep's address.
        Set<String> routedEmail = active.stream().filter(s -> s.channels().contains(Channel.EMAIL.wireName()))
                .map(s -> SuggestionIds.notification(s.suggestionId(), Channel.EMAIL)).collect(Collectors.toSet());
        assertThat(routedEmail).isNotEmpty();
        Map<String, Suggestion> byEmailId = active.stream().collect(Collectors.toMap(
                s -> SuggestionIds.notification(s.suggestionId(), Channel.EMAIL), s -> s, (a, b) -> a));
        List<String> mailed = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            String id = message.getMessageID().replaceAll("^<|@.*$", "");
            if (routedEmail.contains(id)) {
                mailed.add(id);
                Suggestion s = byEmailId.get(id);
                String own = s.tenantId().equals(rep.tenantId()) && s.userId().equals(rep.userId())
                        ? "rep@" + rep.tenantId() : "team@" + s.tenantId();
                assertThat(message.getAllRecipients()[0].toString()).isEqualTo(own + ".example");
            }
        }
        assertThat(mailed).doesNotHaveDuplicates();
        assertThat(Set.copyOf(mailed)).isEqualTo(routedEmail);

        // Slack: every suggestion routed to Slack posted once, to its own tenant's (or the rep's) webhook.
        Set<String> routedSlack = active.stream().filter(s -> s.channels().contains(Channel.SLACK.wireName()))
                .map(s -> SuggestionIds.notification(s.suggestionId(), Channel.SLACK)).collect(Collectors.toSet());
        assertThat(routedSlack).isNotEmpty();
        List<String> posted = slackPosts.stream().map(p -> p[1]).toList();
        assertThat(posted).doesNotHaveDuplicates();
        assertThat(Set.copyOf(posted)).isEqualTo(routedSlack);
        Map<String, String> tenantOfSlack = active.stream().collect(Collectors.toMap(
                s -> SuggestionIds.notification(s.suggestionId(), Channel.SLACK), Suggestion::tenantId, (a, b) -> a));
        assertThat(slackPosts).allSatisfy(p -> assertThat(p[0]).isIn("/" + tenantOfSlack.get(p[1]), "/rep"));

        // Unreadable people's input is dead-lettered with its source topic, not dropped or fatal.
        assertThat(deadLetters.stream().filter(d -> settings.topic(SuggestionDeliverySettings.FEEDBACK)
                .equals(d.sourceTopic())).map(DeadLetter::reason)).containsExactlyInAnyOrder(DeadLetterReason.NOT_JSON,
                DeadLetterReason.MISSING_FIELD, DeadLetterReason.FUTURE_TIMESTAMP);
        assertThat(deadLetters.stream().filter(d -> settings.topic(SuggestionDeliverySettings.PREFERENCES)
                .equals(d.sourceTopic()))).hasSize(2);
    }

    /** Every event read, suggestions written, and the mail and Slack counts quiet for a few polls. */
    private static void awaitQuiet(int records) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        long last = -1;
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            Map<String, Long> totals = InProcessCounters.totals();
            long read = totals.getOrDefault(SuggestionDeliveryJob.EVENTS_IN, 0L);
            long out = totals.getOrDefault(SuggestionCounter.SUGGESTIONS_OUT, 0L)
                    + SMTP.getReceivedMessages().length + slackPosts.size();
            quiet = read >= records && out == last && out > 0 ? quiet + 1 : 0;
            if (quiet >= 6) {
                return;
            }
            last = out;
            Thread.sleep(500);
        }
        throw new AssertionError("the job did not settle in time: " + InProcessCounters.totals());
    }

    private static void awaitPreferences(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (InProcessCounters.totals().getOrDefault(SuggestionEngineFunction.PREFERENCES_APPLIED, 0L) >= expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("preferences not applied in time: " + InProcessCounters.totals());
    }

    private static String webhook(String path) {
        return "https://127.0.0.1:" + slack.getAddress().getPort() + path;
    }

    private static SimulatedRecord json(String tenant, String value) {
        return new SimulatedRecord(tenant + ":input", value.getBytes(StandardCharsets.UTF_8), tenant, null,
                Instant.now().toEpochMilli(), null, false);
    }

    /** A key pair and self-signed certificate for 127.0.0.1 and localhost, from the JDK's keytool. */
    private static SSLContext selfSignedLoopbackTls(Path keystore) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "slack", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
