package com.crmautopilot.cli.upgrade;

import com.crmautopilot.cli.cluster.ClusterProcess;
import com.crmautopilot.cli.cluster.FlinkRestClient;
import com.crmautopilot.cli.cluster.JobSummary;
import com.crmautopilot.cli.cluster.LocalClusterSpec;
import com.crmautopilot.cli.cluster.LocalFlinkCluster;
import com.crmautopilot.cli.cluster.RunRequest;
import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.models.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the upgrade tests share: one in-process Kafka broker, one real multi-process Flink session cluster on the
 * project's {@code conf/}, and the job jars (uploaded once each). Each run gets its own topics, consumer group and
 * transactional id prefix, so runs never see each other's data.
 */
final class UpgradeTestbed implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** A checkpoint interval: the last check that nothing more arrives once everything looks committed. */
    static final Duration QUIET = Duration.ofMillis(1000);
    static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeTestbed.class);

    private final Path root;
    private final EmbeddedKafka kafka;
    private final Admin admin;
    private final LocalFlinkCluster cluster;
    private final Path shadedJar;
    private final Map<Path, String> jarIds = new ConcurrentHashMap<>();
    private final Map<String, List<InputRecord>> histories = new ConcurrentHashMap<>();
    private final Map<String, Path> nextVersions = new ConcurrentHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final JobControl jobs;

    private UpgradeTestbed(Path root, EmbeddedKafka kafka, LocalFlinkCluster cluster, Path shadedJar) {
        this.root = root;
        this.kafka = kafka;
        this.admin = kafka.admin();
        this.cluster = cluster;
        this.shadedJar = shadedJar;
        this.jobs = new JobControl(cluster.rest(), TIMEOUT);
    }

    /** The shaded job jar this build produced, if the reactor packaged the jobs module before these tests. */
    static Optional<Path> builtJobJar() {
        Path target = PROJECT_ROOT.resolve("jobs").resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest main source file of the modules the job jar is made of, when it is newer than the jar: the jar does
     * not hold the current code (a {@code test} run after an edit, without {@code package}).
     */
    static Optional<Path> sourceNewerThan(Path jar) {
        long built = jar.toFile().lastModified();
        for (String module : List.of("models", "operators", "cep-patterns", "sinks", "jobs")) {
            Path sources = PROJECT_ROOT.resolve(module).resolve("src").resolve("main");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                Optional<Path> newer = files.filter(Files::isRegularFile)
                        .filter(f -> f.toFile().lastModified() > built).findFirst();
                if (newer.isPresent()) {
                    return newer;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** Starts the broker and the cluster side by side; the job jar is copied first, so a rebuild cannot swap it. */
    static UpgradeTestbed start(Path root, Path builtJobJar) throws Exception {
        Path jar = root.resolve("jobs").resolve(builtJobJar.getFileName());
        Files.createDirectories(jar.getParent());
        Files.copy(builtJobJar, jar, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("Job jar {} built {}", builtJobJar, Instant.ofEpochMilli(builtJobJar.toFile().lastModified()));

        CompletableFuture<EmbeddedKafka> broker = CompletableFuture.supplyAsync(EmbeddedKafka::start);
        LocalFlinkCluster cluster;
        try {
            cluster = LocalFlinkCluster.start(LocalClusterSpec.builder(root.resolve("cluster"))
                    .baseConf(PROJECT_ROOT.resolve("conf"))
                    // Two single-slot TaskManagers: a scenario's job and its uninterrupted twin run side by side,
                    // and the TaskManager of the one can be killed without touching the other.
                    .taskManagers(2)
                    .slots(1)
                    // The project's sizes are for a dedicated machine; these fit beside the build. Each job loads
                    // the 46 MB jar into its own class loader, hence the roomier metaspace.
                    .taskManagerMemory("1600m")
                    .jobManagerMemory("1024m")
                    .set("taskmanager.memory.jvm-metaspace.size", "384m")
                    .set("jobmanager.memory.jvm-metaspace.size", "384m")
                    // The REST API's metric values are this fresh: awaitDone reads the sources' offsets from them.
                    .set("metrics.fetcher.update-interval", "200")
                    .startTimeout(Duration.ofSeconds(90))
                    .stopWithThisJvm()
                    .build());
        } catch (RuntimeException e) {
            broker.thenAccept(EmbeddedKafka::close);
            throw e;
        }
        try {
            return new UpgradeTestbed(root, broker.get(), cluster, jar);
        } catch (ExecutionException e) {
            cluster.close();
            throw new IllegalStateException("The broker did not start", e.getCause());
        }
    }

    Path root() {
        return root;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    FlinkRestClient rest() {
        return cluster.rest();
    }

    LocalFlinkCluster cluster() {
        return cluster;
    }

    JobControl jobs() {
        return jobs;
    }

    /** Version N: the shaded jar as the build made it. */
    Path jobJar() {
        return shadedJar;
    }

    /** The job's simulated history, simulated once per job. */
    List<InputRecord> history(UpgradeJobSpec spec) {
        return histories.computeIfAbsent(spec.name(), name -> SimulatedHistory.simulate(spec.world(), spec.partitions()));
    }

    /** The test-only version N+1 of the job (see {@link JobVariants#nextVersion}), built once. */
    Path nextVersionJar(UpgradeJobSpec spec) {
        return nextVersions.computeIfAbsent(spec.name(), name -> {
            try {
                long start = System.nanoTime();
                Path jar = JobVariants.nextVersion(shadedJar, spec.nextVersion(), PROJECT_ROOT,
                        root.resolve("variants").resolve(name));
                LOG.info("Built version N+1 of {} in {} ms", name, Duration.ofNanos(System.nanoTime() - start).toMillis());
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Uploads a jar once; later calls return the same jar id. */
    String upload(Path jar) {
        return jarIds.computeIfAbsent(jar, j -> cluster.rest().uploadJar(j));
    }

    /** A fresh input topic for one scenario. */
    String createInputTopic(UpgradeJobSpec spec, String scenario) {
        String topic = "crm.events." + spec.name() + "-" + scenario + "-" + runs.incrementAndGet();
        kafka.createTopics(List.of(topic), spec.partitions());
        return topic;
    }

    void createTopic(String topic, int partitions) {
        kafka.createTopics(List.of(topic), partitions);
    }

    /** A run's names over {@code inputTopic}, with its output topics created. */
    JobRun newRun(UpgradeJobSpec spec, String inputTopic, String purpose) {
        JobRun run = JobRun.named(spec.name() + "-" + purpose + "-" + runs.incrementAndGet(), kafka.bootstrapServers(),
                inputTopic, spec.outputs());
        kafka.createTopics(run.outputTopics().values(), spec.partitions());
        // Jobs read their control topics from the start; they stay empty here, and one of each serves every run.
        kafka.createTopics(List.of(Topics.MODELS, Topics.CONTROL), 1);
        return run;
    }

    CommittedOutputs watch(JobRun run) {
        return CommittedOutputs.watch(kafka.bootstrapServers(), run.outputByTopic());
    }

    void produce(String topic, List<InputRecord> records) {
        InputProducer.produce(kafka.bootstrapServers(), topic, records);
    }

    RunRequest request(UpgradeJobSpec spec, JobRun run, String entryClass) {
        return RunRequest.of(entryClass, spec.arguments(run)).withParallelism(spec.parallelism());
    }

    /** Runs the jar (from a savepoint, if given) and waits until every task runs. Returns the job id. */
    String startJob(UpgradeJobSpec spec, JobRun run, Path jar, String entryClass, String savepoint) {
        String jobId = submitJob(spec, run, jar, entryClass, savepoint);
        jobs.awaitRunning(jobId);
        return jobId;
    }

    /** Runs the jar (from a savepoint, if given); its tasks start afterwards. Returns the job id. */
    String submitJob(UpgradeJobSpec spec, JobRun run, Path jar, String entryClass, String savepoint) {
        RunRequest request = request(spec, run, entryClass);
        if (savepoint != null) {
            request = request.fromSavepoint(savepoint);
        }
        long start = System.nanoTime();
        String jobId = cluster.rest().run(upload(jar), request);
        LOG.info("{}: submitted {} as job {} in {} ms", run.id(), entryClass, jobId,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return jobId;
    }

    /**
     * Waits until the job has written everything for the first {@code inputRecords} input records: its source has
     * read them, no transaction is open on its output topics (what it wrote for them is committed, not just
     * prepared), the watcher has read up to there, and nothing new has appeared for {@link #QUIET}.
     */
    void awaitDone(String jobId, JobRun run, CommittedOutputs outputs, long inputRecords) {
        long start = System.nanoTime();
        long[] readAt = {0};
        outputs.awaitQuiet(() -> {
            if (jobs.readByJob(jobId) < inputRecords) {
                return false;
            }
            if (readAt[0] == 0) {
                readAt[0] = System.nanoTime();
            }
            return outputsSettled(run, outputs);
        }, QUIET, TIMEOUT);
        LOG.info("{}: input read after {} ms, outputs settled {} ms later", run.id(),
                Duration.ofNanos(readAt[0] - start).toMillis(), Duration.ofNanos(System.nanoTime() - readAt[0]).toMillis());
    }

    /** No open transaction on the run's output partitions (last stable offset = high watermark), all read. */
    private boolean outputsSettled(JobRun run, CommittedOutputs outputs) {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        try {
            admin.describeTopics(run.outputTopics().values()).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p ->
                            partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            var stable = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get();
            var written = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all().get();
            for (TopicPartition partition : partitions.keySet()) {
                long lastStable = stable.get(partition).offset();
                if (lastStable < written.get(partition).offset() || outputs.position(partition) < lastStable) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the offsets of " + run.outputTopics().values(), e);
        }
    }

    ClusterProcess taskManagerProcess(String resourceId) {
        return cluster.taskManagers().stream().filter(tm -> tm.name().equals(resourceId) && tm.isAlive())
                .findFirst().orElseThrow(() -> new IllegalStateException("No live TaskManager " + resourceId));
    }

    /**
     * Copies every cluster process's log to {@code target} and logs the failures of every job the cluster ran, so a
     * failed test leaves what explains it (the cluster's own directory is temporary).
     */
    void keepLogs(Path target) {
        try {
            Files.createDirectories(target);
            copyDirectory(root.resolve("cluster").resolve("log"), target);
            StringBuilder report = new StringBuilder();
            for (JobSummary job : cluster.rest().jobs()) {
                report.append(job.id()).append(' ').append(job.name()).append(' ').append(job.state()).append('\n');
                for (String failure : jobs.failures(job.id())) {
                    report.append("  ").append(failure.lines().limit(12).reduce((a, b) -> a + "\n    " + b)
                            .orElse("")).append('\n');
                }
            }
            Files.writeString(target.resolve("jobs.txt"), report);
            LOG.warn("Cluster logs and job failures kept in {}", target.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep the cluster logs in {}", target, e);
        }
    }

    static Path localPath(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }

    static void copyDirectory(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(target);
            } else {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable c : new AutoCloseable[] {cluster, admin, kafka}) {
            try {
                c.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("Closing the upgrade testbed: {}", failures);
        }
    }
}
