package com.crmautopilot.jobs.scoring;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bounded job and reads its collected outputs while it runs. A collect sink holds only a few megabytes
 * before it pushes back, so outputs read after the job's end would stall any job that emits more than that; and
 * each output is read on its own thread, so one full output cannot stall the others.
 */
final class BoundedRun implements AutoCloseable {

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final List<Future<?>> reads = new ArrayList<>();
    private final List<DataStream.Collector<?>> collectors = new ArrayList<>();
    private final List<List<?>> values = new ArrayList<>();

    /** Collects a stream; call {@link #run} first, then {@link #values}. */
    <T> Output<T> collect(DataStream<T> stream) {
        DataStream.Collector<T> collector = new DataStream.Collector<>();
        stream.collectAsync(collector);
        collectors.add(collector);
        List<T> list = new ArrayList<>();
        values.add(list);
        return new Output<>(list);
    }

    void run(StreamExecutionEnvironment env, String name) throws Exception {
        JobClient job = env.executeAsync(name);
        for (int i = 0; i < collectors.size(); i++) {
            reads.add(readers.submit(drainer(collectors.get(i), values.get(i))));
        }
        CompletableFuture<?> result = job.getJobExecutionResult();
        result.get(10, TimeUnit.MINUTES);
        for (Future<?> read : reads) {
            read.get(1, TimeUnit.MINUTES);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Runnable drainer(DataStream.Collector<?> collector, List<?> into) {
        return () -> {
            try (CloseableIterator<T> output = ((DataStream.Collector<T>) collector).getOutput()) {
                output.forEachRemaining(((List<T>) into)::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    /** The values of one collected stream, complete once {@link #run} returned. */
    record Output<T>(List<T> values) {
    }
}
