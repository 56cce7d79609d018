package com.crmautopilot.cli.bench;

import com.crmautopilot.cli.runtime.OutputWatcher;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.kafka.KafkaEventProducer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * End-to-end latency of a running job: events produced at a steady rate, each matched with the first output it
 * caused as a {@code read_committed} consumer sees it. The rate stays well below the job's capacity, so the figure
 * is latency, not queueing.
 */
public final class LatencyPhase {

    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

    private final BenchRig rig;
    private final String inputTopic;

    /** @param inputTopic the topic the job reads; the phase produces into it */
    public LatencyPhase(BenchRig rig, String inputTopic) {
        this.rig = rig;
        this.inputTopic = inputTopic;
    }

    /**
     * Runs the job until the paced records have had time to show, then cancels it.
     *
     * @param env            the job, unbounded, reading the input topic
     * @param triggerEventId the id of the event an output record answers, or null for outputs no event caused
     */
    public LatencyRecorder measure(StreamExecutionEnvironment env, String jobName, String outputTopic,
                                   Function<byte[], String> triggerEventId, List<SimulatedRecord> records)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        JobID job = rig.flink().submit(env, jobName);
        try (OutputWatcher watcher = new OutputWatcher(rig.kafka().bootstrapServers(), List.of(outputTopic))
                .onRecord((record, visibleAt) -> {
                    String eventId = triggerEventId.apply(record.value());
                    if (eventId != null) {
                        recorder.visible(eventId, visibleAt);
                    }
                })
                .start()) {
            awaitRunning(job);
            producePaced(records, recorder);
            // exactly-once output shows at the next checkpoint: give the last ones time to be committed
            Thread.sleep(rig.options().checkpointInterval().toMillis() * 3 + 2000);
        } finally {
            rig.flink().cancel(job);
        }
        return recorder;
    }

    private void producePaced(List<SimulatedRecord> records, LatencyRecorder recorder) {
        BenchOptions options = rig.options();
        Properties props = KafkaEventProducer.defaultProperties(rig.kafka().bootstrapServers());
        // batching would hold records back and add its wait to every latency
        props.put("linger.ms", "0");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        long total = Math.min(records.size(), (long) (options.latencyRate() * options.latencyDuration().toSeconds()));
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < total; i++) {
                long wait = start + (long) (i * 1e9 / options.latencyRate()) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                SimulatedRecord record = records.get(i);
                // malformed records and duplicates cause no output of their own to match
                if (record.isClean()) {
                    recorder.produced(record.eventId(), System.currentTimeMillis());
                }
                producer.send(new ProducerRecord<>(inputTopic, record.key(), record.value()));
            }
        }
    }

    private void awaitRunning(JobID job) throws InterruptedException {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        while (rig.flink().status(job) != JobStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // sources and sinks finish connecting after the job reports RUNNING
        Thread.sleep(2000);
    }
}
