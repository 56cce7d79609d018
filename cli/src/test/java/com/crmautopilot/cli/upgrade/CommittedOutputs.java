package com.crmautopilot.cli.upgrade;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Everything a job has committed to its output topics, read as its consumers read it ({@code read_committed}) by a
 * background consumer from the beginning, with the moment each record became visible. Only committed transactions
 * are visible, so what this sees is exactly what downstream systems see.
 */
final class CommittedOutputs implements AutoCloseable {

    /**
     * @param output  the output's logical name ({@code ai.lead-profiles}), not the run's topic
     * @param seenAt  {@link System#nanoTime()} when this consumer received it
     */
    record Output(String output, String key, byte[] value, long seenAt) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, String> outputByTopic;
    private final List<Output> seen = new ArrayList<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    private CommittedOutputs(String bootstrapServers, Map<String, String> outputByTopic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.outputByTopic = Map.copyOf(outputByTopic);
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            for (String topic : outputByTopic.keySet()) {
                partitionsOf(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::pollUntilClosed, "committed-outputs");
        thread.setDaemon(true);
        thread.start();
    }

    /** A topic just created may take a moment to appear in the metadata this client sees. */
    private List<PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PartitionInfo> partitions;
        while ((partitions = consumer.partitionsFor(topic)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " has no partitions");
            }
            sleep(100);
        }
        return partitions;
    }

    /** @param outputByTopic the run's output topics, mapped to their logical names */
    static CommittedOutputs watch(String bootstrapServers, Map<String, String> outputByTopic) {
        return new CommittedOutputs(bootstrapServers, outputByTopic);
    }

    int count() {
        failIfBroken();
        synchronized (seen) {
            return seen.size();
        }
    }

    List<Output> all() {
        failIfBroken();
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The first record that became visible after {@code nanoTime}, if any has. */
    Output firstSeenAfter(long nanoTime) {
        synchronized (seen) {
            return seen.stream().filter(o -> o.seenAt() > nanoTime).findFirst().orElse(null);
        }
    }

    /** Waits until {@code ready} holds and then until no new record has become visible for {@code quiet}. */
    void awaitQuiet(BooleanSupplier ready, Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            boolean isReady = ready.getAsBoolean();
            int now = count();
            if (now != last || !isReady) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange >= quiet.toNanos()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Outputs did not settle within " + timeout + ": " + now
                        + " records so far, input " + (isReady ? "fully consumed" : "not yet consumed"));
            }
            sleep(100);
        }
    }

    /** Waits until at least {@code count} records are visible. */
    void awaitAtLeast(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + count() + " committed output records after " + timeout
                        + ", expected at least " + count);
            }
            sleep(50);
        }
    }

    /** How far this consumer has read each partition (an offset past every record it has seen there). */
    long position(TopicPartition partition) {
        return positions.getOrDefault(partition, 0L);
    }

    private void pollUntilClosed() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    Output output = new Output(outputByTopic.get(r.topic()), r.key(), r.value(), System.nanoTime());
                    synchronized (seen) {
                        seen.add(output);
                    }
                }
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition, consumer.position(partition));
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } catch (Exception e) {
            failure.set(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void failIfBroken() {
        if (failure.get() != null) {
            throw new IllegalStateException("The output consumer failed", failure.get());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
