package com.crmautopilot.simulator.kafka;

import com.crmautopilot.simulator.SimulatedRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces simulated records to a Kafka topic: key {@link SimulatedRecord#key()}, value the record's bytes, as an
 * idempotent producer ({@code acks=all}), so retries never duplicate a record: the only duplicates on the topic
 * are the ones the simulator injected on purpose. Record timestamps are the produce time, which is what latency
 * measurements need; the event time travels inside the JSON.
 *
 * <p>{@link #produce} blocks while it sends, paced by a {@link Pacing}; {@link #stop()} (from another thread)
 * ends it after the record in flight. Counters can be read at any time, from any thread.
 */
public final class KafkaEventProducer implements AutoCloseable {

    /** A finished (or stopped) run. */
    public record Report(long sent, long acknowledged, long failed, Duration elapsed, boolean stopped) {
        public double recordsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : sent / seconds;
        }
    }

    private static final long MAX_SLEEP_NANOS = 100_000_000L;
    private static final long MIN_SLEEP_NANOS = 1_000_000L;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Pacing pacing;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();
    private volatile boolean stopRequested;

    public KafkaEventProducer(String bootstrapServers, String topic, Pacing pacing) {
        this(defaultProperties(bootstrapServers), topic, pacing);
    }

    /** @param producerProperties client settings; serializers are set here and idempotence is forced on */
    public KafkaEventProducer(Properties producerProperties, String topic, Pacing pacing) {
        Properties props = new Properties();
        props.putAll(producerProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.pacing = pacing;
    }

    /** Settings that suit the simulator: idempotent, batched, and able to carry the oversized test records. */
    public static Properties defaultProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "crm-simulator");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        // Oversized records (the OVERSIZED defect) are ~70 KiB; the broker's default limit is 1 MiB.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
        return props;
    }

    /** Sends records until they run out or {@link #stop()} is called, then flushes and reports. */
    public Report produce(Iterator<SimulatedRecord> records) {
        return produce(records, Long.MAX_VALUE);
    }

    /** As {@link #produce(Iterator)}, sending at most {@code maxRecords}. */
    public Report produce(Iterator<SimulatedRecord> records, long maxRecords) {
        long started = System.nanoTime();
        Pacer pacer = new Pacer(pacing, System::nanoTime);
        long index = 0;
        boolean interrupted = false;
        while (!stopRequested && index < maxRecords && records.hasNext()) {
            SimulatedRecord record = records.next();
            if (!waitUntilDue(pacer, index, record.eventTimeMillis())) {
                interrupted = true;
                break;
            }
            send(record);
            index++;
        }
        producer.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Report(sent.get(), acknowledged.get(), failed.get(), Duration.ofNanos(System.nanoTime() - started),
                stopRequested || interrupted);
    }

    private boolean waitUntilDue(Pacer pacer, long index, long eventTimeMillis) {
        long wait = pacer.waitNanos(index, eventTimeMillis);
        while (wait >= MIN_SLEEP_NANOS && !stopRequested) {
            try {
                long sleep = Math.min(wait, MAX_SLEEP_NANOS);
                Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
            } catch (InterruptedException e) {
                return false;
            }
            wait = pacer.waitNanos(index, eventTimeMillis);
        }
        return true;
    }

    private void send(SimulatedRecord record) {
        sent.incrementAndGet();
        producer.send(new ProducerRecord<>(topic, record.key(), record.value()), (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, exception);
            }
        });
    }

    /** Asks a running {@link #produce} to stop after the record in flight. Safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    public long sent() {
        return sent.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    public Optional<Exception> firstError() {
        return Optional.ofNullable(firstError.get());
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
