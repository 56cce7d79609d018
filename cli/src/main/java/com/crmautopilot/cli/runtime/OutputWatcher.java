package com.crmautopilot.cli.runtime;

import com.crmautopilot.models.Topics;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.suggest.Suggestion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Reads the jobs' outputs the way a downstream consumer would ({@code read_committed}, so only checkpointed
 * transactions count) and keeps tallies and the latest records for the live summary.
 */
public final class OutputWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputWatcher.class);
    private static final int LATEST_KEPT = 5;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder profiles = new LongAdder();
    private final Map<DeadLetterReason, LongAdder> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Deque<LeadProfile> latestProfiles = new ArrayDeque<>();
    private final Deque<DeadLetter> latestDeadLetters = new ArrayDeque<>();
    private final LongAdder scores = new LongAdder();
    private final LongAdder tierChanges = new LongAdder();
    private final Deque<LeadScore> latestScores = new ArrayDeque<>();
    private final Deque<ScoreChange> latestTierChanges = new ArrayDeque<>();
    private final LongAdder suggestions = new LongAdder();
    private final LongAdder inappNotifications = new LongAdder();
    private final Map<String, Map<String, Long>> suggestionsByUserAndChannel = new TreeMap<>();
    private final Deque<Suggestion> latestSuggestions = new ArrayDeque<>();
    private volatile BiConsumer<ConsumerRecord<byte[], byte[]>, Long> listener = (r, t) -> { };

    public OutputWatcher(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "autopilot-watcher-" + System.nanoTime());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        this.consumer = new KafkaConsumer<>(props);
        this.consumer.subscribe(topics);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason, new LongAdder());
        }
        this.thread = new Thread(this::pollLoop, "output-watcher");
        this.thread.setDaemon(true);
    }

    public static OutputWatcher forIngestion(String bootstrapServers) {
        return new OutputWatcher(bootstrapServers, List.of(Topics.LEAD_PROFILES, Topics.DEAD_LETTER,
                Topics.LEAD_SCORES, Topics.SCORE_CHANGES, Topics.SUGGESTIONS, Topics.NOTIFICATIONS_INAPP));
    }

    /** Called for every record with the wall-clock millis at which it became visible. */
    public OutputWatcher onRecord(BiConsumer<ConsumerRecord<byte[], byte[]>, Long> listener) {
        this.listener = listener;
        return this;
    }

    public OutputWatcher start() {
        thread.start();
        return this;
    }

    private void pollLoop() {
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long visibleAt = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    tally(record);
                    listener.accept(record, visibleAt);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Output watcher stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void tally(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(Topics.LEAD_PROFILES)) {
                profiles.increment();
                keep(latestProfiles, Json.read(record.value(), LeadProfile.class));
            } else if (record.topic().equals(Topics.DEAD_LETTER)) {
                DeadLetter letter = Json.read(record.value(), DeadLetter.class);
                deadLetters.get(letter.reason()).increment();
                keep(latestDeadLetters, letter);
            } else if (record.topic().equals(Topics.LEAD_SCORES)) {
                scores.increment();
                keep(latestScores, Json.read(record.value(), LeadScore.class));
            } else if (record.topic().equals(Topics.SCORE_CHANGES)) {
                tierChanges.increment();
                keep(latestTierChanges, Json.read(record.value(), ScoreChange.class));
            } else if (record.topic().equals(Topics.SUGGESTIONS)) {
                tallySuggestion(Json.read(record.value(), Suggestion.class));
            } else if (record.topic().equals(Topics.NOTIFICATIONS_INAPP)) {
                inappNotifications.increment();
            }
        } catch (RuntimeException e) {
            LOG.warn("Unreadable output record on {}", record.topic(), e);
        }
    }

    /** Active suggestions only: suppressed and withdrawn ones reach nobody. */
    private void tallySuggestion(Suggestion suggestion) {
        if (!Suggestion.ACTIVE.equals(suggestion.status())) {
            return;
        }
        suggestions.increment();
        keep(latestSuggestions, suggestion);
        String user = suggestion.tenantId() + "/" + (suggestion.userId() == null ? "(no owner)" : suggestion.userId());
        synchronized (suggestionsByUserAndChannel) {
            Map<String, Long> channels = suggestionsByUserAndChannel.computeIfAbsent(user, u -> new TreeMap<>());
            for (String channel : suggestion.channels()) {
                channels.merge(channel, 1L, Long::sum);
            }
        }
    }

    private static <T> void keep(Deque<T> deque, T item) {
        synchronized (deque) {
            deque.addFirst(item);
            while (deque.size() > LATEST_KEPT) {
                deque.removeLast();
            }
        }
    }

    public long profiles() {
        return profiles.sum();
    }

    public long deadLetters(DeadLetterReason reason) {
        return deadLetters.get(reason).sum();
    }

    public Map<DeadLetterReason, Long> deadLettersByReason() {
        Map<DeadLetterReason, Long> counts = new EnumMap<>(DeadLetterReason.class);
        deadLetters.forEach((reason, count) -> {
            if (count.sum() > 0) {
                counts.put(reason, count.sum());
            }
        });
        return counts;
    }

    public long scores() {
        return scores.sum();
    }

    public long tierChanges() {
        return tierChanges.sum();
    }

    public List<LeadScore> latestScores() {
        synchronized (latestScores) {
            return List.copyOf(latestScores);
        }
    }

    public List<ScoreChange> latestTierChanges() {
        synchronized (latestTierChanges) {
            return List.copyOf(latestTierChanges);
        }
    }

    /** Active suggestions committed on {@code ai.suggestions}. */
    public long suggestions() {
        return suggestions.sum();
    }

    public long inappNotifications() {
        return inappNotifications.sum();
    }

    /** {@code tenant/user} to channel to active suggestions routed there. */
    public Map<String, Map<String, Long>> suggestionsByUserAndChannel() {
        synchronized (suggestionsByUserAndChannel) {
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            suggestionsByUserAndChannel.forEach((user, channels) -> copy.put(user, Map.copyOf(channels)));
            return copy;
        }
    }

    public List<Suggestion> latestSuggestions() {
        synchronized (latestSuggestions) {
            return List.copyOf(latestSuggestions);
        }
    }

    public List<LeadProfile> latestProfiles() {
        synchronized (latestProfiles) {
            return List.copyOf(latestProfiles);
        }
    }

    public List<DeadLetter> latestDeadLetters() {
        synchronized (latestDeadLetters) {
            return List.copyOf(latestDeadLetters);
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
