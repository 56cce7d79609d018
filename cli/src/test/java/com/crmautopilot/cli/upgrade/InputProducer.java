package com.crmautopilot.cli.upgrade;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes input records to their fixed partitions, in order, with an idempotent producer: either all at once, or
 * spread over a while from a background thread, as a live CRM keeps producing while a job is stopped or recovering.
 */
final class InputProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicInteger produced = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final CompletableFuture<Integer> done = new CompletableFuture<>();

    private InputProducer(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Produces every record and returns once the broker has acknowledged them all. */
    static void produce(String bootstrapServers, String topic, List<InputRecord> records) {
        try (InputProducer producer = new InputProducer(bootstrapServers, topic)) {
            producer.send(records, 0);
            producer.done.join();
        }
    }

    /** Starts producing {@code records} evenly over {@code spreadOver}; {@link #awaitDone} waits for the last ack. */
    static InputProducer paced(String bootstrapServers, String topic, List<InputRecord> records, Duration spreadOver) {
        InputProducer producer = new InputProducer(bootstrapServers, topic);
        long nanosPerRecord = records.isEmpty() ? 0 : spreadOver.toNanos() / records.size();
        Thread thread = new Thread(() -> producer.send(records, nanosPerRecord), "paced-producer-" + topic);
        thread.setDaemon(true);
        thread.start();
        return producer;
    }

    /** Records handed to the producer so far. */
    int produced() {
        return produced.get();
    }

    boolean isDone() {
        return done.isDone();
    }

    int awaitDone(Duration timeout) {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Producing to " + topic + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Producing to " + topic + " did not finish within " + timeout
                    + " (" + produced() + " records sent)");
        }
    }

    private void send(List<InputRecord> records, long nanosPerRecord) {
        try {
            long start = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                if (nanosPerRecord > 0) {
                    long due = start + i * nanosPerRecord;
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
                InputRecord r = records.get(i);
                producer.send(new ProducerRecord<>(topic, r.partition(), r.key(), r.value()), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                produced.incrementAndGet();
            }
            producer.flush();
            if (failure.get() != null) {
                done.completeExceptionally(failure.get());
            } else {
                done.complete(records.size());
            }
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
