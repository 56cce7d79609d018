package com.crmautopilot.cli.upgrade;

import com.crmautopilot.cli.cluster.ClusterProcess;
import com.crmautopilot.cli.cluster.RestoreRefusedException;
import com.crmautopilot.cli.cluster.RunRequest;
import com.crmautopilot.cli.cluster.SavepointUpgrade;
import com.crmautopilot.cli.cluster.SnapshotInfo;
import com.crmautopilot.cli.cluster.UpgradeReport;
import com.crmautopilot.cli.upgrade.CommittedOutputs.Output;
import com.crmautopilot.cli.upgrade.SavepointFixtures.Fixture;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static com.crmautopilot.cli.upgrade.UpgradeFigures.bytes;
import static com.crmautopilot.cli.upgrade.UpgradeFigures.millis;
import static com.crmautopilot.cli.upgrade.UpgradeTestbed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The upgrade path of every job in {@link UpgradeJobs#ALL}, on a real multi-process Flink session cluster (a
 * JobManager and a TaskManager JVM, configured by the project's {@code conf/}) and a real Kafka broker, with the
 * jobs' real shaded jar submitted over REST. Outputs are read as consumers read them ({@code read_committed}) and
 * compared, record by record, with an uninterrupted run of the same version over the same input.
 *
 * <p>Needs the shaded jar in {@code jobs/target}: {@code ./mvnw -B verify} packages it before these tests run.
 * Figures land in {@code cli/target/upgrade-figures.md}. See {@code deploy/UPGRADES.md}.
 */
class JobUpgradeTest {

    /** The second half of the input is produced over this long, so stops and kills happen while it still arrives. */
    private static final Duration LIVE_INPUT = Duration.ofSeconds(4);

    @TempDir
    static Path tmp;

    private static UpgradeTestbed testbed;
    /** Fixtures written by this run ({@code -Dupdate.savepoints=true}): their topics already exist on this broker. */
    private static final Set<Path> writtenThisRun = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final TestWatcher KEEP_LOGS_OF_FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (testbed != null) {
                testbed.keepLogs(Path.of("target", "upgrade-test-logs",
                        context.getRequiredTestMethod().getName() + "-" + System.currentTimeMillis()));
            }
        }
    };

    @BeforeAll
    static void startClusterAndBroker() throws Exception {
        Optional<Path> jar = UpgradeTestbed.builtJobJar();
        Assumptions.assumeTrue(jar.isPresent(), "No shaded job jar in jobs/target: the upgrade tests run in "
                + "./mvnw -B verify (or -pl cli -am package), which packages the jobs first");
        Optional<Path> newerSource = UpgradeTestbed.sourceNewerThan(jar.get());
        Assumptions.assumeTrue(newerSource.isEmpty(), () -> jar.get().getFileName() + " is older than "
                + newerSource.get() + ": package the jobs first (./mvnw -B verify, or -pl cli -am package)");
        testbed = UpgradeTestbed.start(tmp, jar.get());
        UpgradeFigures.startRun("JobUpgradeTest, jar " + jar.get().getFileName());
    }

    @AfterAll
    static void stopClusterAndBroker() {
        if (testbed != null) {
            if (Boolean.getBoolean("upgrade.keep-logs")) {
                testbed.keepLogs(Path.of("target", "upgrade-test-logs", "all-" + System.currentTimeMillis()));
            }
            testbed.close();
        }
    }

    @AfterEach
    void cancelJobsAFailedTestLeftRunning() {
        if (testbed != null) {
            testbed.jobs().cancelLeftoverJobs();
        }
    }

    static Stream<UpgradeJobSpec> jobs() {
        return UpgradeJobs.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void versionNPlusOneRestoresASavepointTakenMidStreamAndWritesExactlyWhatAnUninterruptedRunWrites(
            UpgradeJobSpec spec) throws Exception {
        List<InputRecord> history = testbed.history(spec);
        int half = history.size() / 2;
        String topic = testbed.createInputTopic(spec, "upgrade");
        JobRun run = testbed.newRun(spec, topic, "upgrade");
        UpgradeJobSpec.NextVersion next = spec.nextVersion();
        Path nextJar = testbed.nextVersionJar(spec);
        // Uploaded before the stop, as `autopilot cluster upgrade` does: the upload is not downtime.
        String nextJarId = testbed.upload(nextJar);

        UpgradeReport upgrade;
        int producedAtStop;
        Path afterUpgrade;
        List<Output> written;
        List<Output> uninterrupted;
        try (UninterruptedRun twin = UninterruptedRun.start(testbed, spec, topic);
             CommittedOutputs outputs = testbed.watch(run)) {
            testbed.produce(topic, history.subList(0, half));
            String versionN = testbed.startJob(spec, run, testbed.jobJar(), spec.mainClass(), null);
            outputs.awaitAtLeast(1, TIMEOUT);
            try (InputProducer live = InputProducer.paced(testbed.bootstrapServers(), topic,
                    history.subList(half, history.size()), LIVE_INPUT)) {
                UpgradeTestbed.sleep(Duration.ofMillis(500));
                producedAtStop = half + live.produced();
                upgrade = SavepointUpgrade.run(testbed.rest(), versionN, nextJarId,
                        testbed.request(spec, run, next.entryClass()), null, TIMEOUT);
                live.awaitDone(TIMEOUT);
            }
            testbed.awaitDone(upgrade.jobId(), run, outputs, history.size());
            written = outputs.all();
            afterUpgrade = testbed.jobs().stopWithSavepoint(upgrade.jobId());
            uninterrupted = twin.outputsFor(history.size());
        }

        assertThat(producedAtStop).as("the job was stopped while its input was still arriving")
                .isLessThan(history.size());
        assertSameOutputs(spec, uninterrupted, written, "version N, upgraded mid-stream to N+1");

        Path beforeUpgrade = UpgradeTestbed.localPath(upgrade.savepointPath());
        try (JobClassLoader versionN = JobClassLoader.of(testbed.jobJar());
             JobClassLoader versionNPlusOne = JobClassLoader.of(nextJar)) {
            SavepointContents savepointOfN = SavepointContents.read(beforeUpgrade, versionN);
            SavepointContents savepointOfNPlusOne = SavepointContents.read(afterUpgrade, versionNPlusOne);
            StateEvolution.assertTheStatePojoEvolved(next, savepointOfN, savepointOfNPlusOne);
            StateEvolution.assertTheNewOperatorStartedEmptyAndBuiltState(next, savepointOfN, savepointOfNPlusOne);
            StateEvolution.assertNoStateIsSerializedWithKryo(spec, savepointOfN);
            StateEvolution.assertNoStateIsSerializedWithKryo(spec, savepointOfNPlusOne);
            UpgradeFigures.recordUpgrade(spec, upgrade);
            UpgradeFigures.recordSavepoint(spec, "of N, mid-stream", savepointOfN);
            UpgradeFigures.recordSavepoint(spec, "of N+1, after the whole world", savepointOfNPlusOne);
            UpgradeFigures.record(spec.name(), "state serialized with Kryo", "none (every keyed and operator state"
                    + " of both savepoints checked, nested serializers included)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void aSigkilledTaskManagerIsReplacedAndTheJobRecoversFromItsLastCheckpointWithoutLosingOrDuplicatingOutput(
            UpgradeJobSpec spec) {
        List<InputRecord> history = testbed.history(spec);
        int half = history.size() / 2;
        String topic = testbed.createInputTopic(spec, "kill");
        JobRun run = testbed.newRun(spec, topic, "kill");

        ClusterProcess victim;
        long killedAt;
        long replacementRegisteredAt;
        long runningAgainAt;
        Output firstAfterRecovery;
        int producedAtKill;
        SnapshotInfo restored;
        List<Output> written;
        List<Output> uninterrupted;
        try (UninterruptedRun twin = UninterruptedRun.start(testbed, spec, topic);
             CommittedOutputs outputs = testbed.watch(run)) {
            testbed.produce(topic, history.subList(0, half));
            String jobId = testbed.startJob(spec, run, testbed.jobJar(), spec.mainClass(), null);
            testbed.jobs().awaitRunning(twin.jobId());
            String taskManager = testbed.jobs().taskManagerOf(jobId);
            assertThat(testbed.jobs().taskManagerOf(twin.jobId())).as("the uninterrupted run is elsewhere")
                    .isNotEqualTo(taskManager);
            outputs.awaitAtLeast(1, TIMEOUT);
            try (InputProducer live = InputProducer.paced(testbed.bootstrapServers(), topic,
                    history.subList(half, history.size()), LIVE_INPUT)) {
                UpgradeTestbed.sleep(Duration.ofMillis(500));
                producedAtKill = half + live.produced();
                victim = testbed.taskManagerProcess(taskManager);
                killedAt = System.nanoTime();
                victim.kill();
                testbed.cluster().startTaskManager();
                replacementRegisteredAt = System.nanoTime();
                runningAgainAt = testbed.jobs().awaitRestartedAndRunning(jobId);
                live.awaitDone(TIMEOUT);
            }
            firstAfterRecovery = awaitFirstOutputAfter(outputs, runningAgainAt);
            testbed.awaitDone(jobId, run, outputs, history.size());
            written = outputs.all();
            restored = awaitRestoredSnapshot(jobId);
            testbed.jobs().cancel(jobId);
            uninterrupted = twin.outputsFor(history.size());
        }

        assertThat(victim.isAlive()).isFalse();
        assertThat(producedAtKill).as("the TaskManager died while the input was still arriving")
                .isLessThan(history.size());
        assertThat(restored.savepoint()).as("recovered from a checkpoint, not a savepoint").isFalse();
        assertSameOutputs(spec, uninterrupted, written, "version N, its TaskManager SIGKILLed mid-stream");

        UpgradeFigures.record(spec.name(), "TaskManager SIGKILL -> replacement TaskManager registered",
                millis(Duration.ofNanos(replacementRegisteredAt - killedAt)));
        UpgradeFigures.record(spec.name(), "TaskManager SIGKILL -> every task RUNNING again (from checkpoint "
                + restored.id() + ")", millis(Duration.ofNanos(runningAgainAt - killedAt)));
        UpgradeFigures.record(spec.name(), "TaskManager SIGKILL -> first committed output after recovery",
                millis(Duration.ofNanos(firstAfterRecovery.seenAt() - killedAt)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void aVersionThatLostTheUidOfAStatefulOperatorIsRefusedTheSavepointInsteadOfDroppingItsState(
            UpgradeJobSpec spec) throws Exception {
        Path savepoint = savepointOfVersionN(spec);
        String renamedUid = spec.removableUid() + "-renamed";
        Path renamedJar = JobVariants.withRenamedUid(testbed.jobJar(), spec.removableUid(), renamedUid,
                tmp.resolve(spec.name() + "-without-" + spec.removableUid() + ".jar"));
        String operatorId;
        try (JobClassLoader versionN = JobClassLoader.of(testbed.jobJar())) {
            SavepointContents.Operator removed = SavepointContents.read(savepoint, versionN)
                    .operator(spec.removableUid());
            assertThat(removed.keyed()).as("the removed operator had state").isNotEmpty();
            // Flink names the operator by id only; the savepoint's metadata maps that id back to the uid.
            operatorId = SavepointContents.operatorId(spec.removableUid());
            assertThat(removed.operatorId()).isEqualTo(operatorId);
            assertThat(removed.uid()).isEqualTo(spec.removableUid());
        }

        JobRun run = testbed.newRun(spec, "crm.events.never-read", "refused");
        RunRequest request = testbed.request(spec, run, spec.mainClass()).fromSavepoint(savepoint.toUri().toString());
        assertThat(request.allowNonRestoredState()).as("dropping savepoint state is opt-in").isFalse();
        RestoreRefusedException refusal = catchThrowableOfType(RestoreRefusedException.class,
                () -> testbed.rest().run(testbed.upload(renamedJar), request));

        assertThat(refusal).as("restoring without the uid %s", spec.removableUid()).isNotNull()
                .hasMessageContaining("refused to start from its savepoint")
                .hasMessageContaining("Cannot map checkpoint/savepoint state for operator " + operatorId)
                .hasMessageContaining("allowNonRestoredState is off");
        assertThat(testbed.rest().jobState(refusal.jobId())).isEqualTo(JobStatus.FAILED);
        UpgradeFigures.record(spec.name(), "refused restore without uid " + spec.removableUid() + " (operator id "
                + operatorId + ", which the savepoint's metadata records with its uid)", refusal.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> theCurrentVersionRestoresTheSavepointOfEveryReleasedVersionAndContinuesLikeAnUninterruptedRun() {
        return jobs().flatMap(spec -> {
            List<Fixture> fixtures = SavepointFixtures.committed(spec.name());
            if (fixtures.isEmpty()) {
                return Stream.of(DynamicTest.dynamicTest(spec.name() + ": no committed savepoint", () ->
                        Assumptions.abort("No savepoint of " + spec.name() + " under " + SavepointFixtures.ROOT
                                + "; write one with -D" + SavepointFixtures.UPDATE_PROPERTY + "=true")));
            }
            return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(fixture.toString(),
                    () -> restoresFixture(spec, fixture)));
        });
    }

    @Test
    void committedSavepointsStaySmall() {
        long bytes = SavepointFixtures.committedBytes();
        UpgradeFigures.record("all jobs", "committed savepoint fixtures", bytes(bytes));
        assertThat(bytes).as("bytes under %s", SavepointFixtures.ROOT).isLessThan(2L * 1024 * 1024);
    }

    /**
     * Writes this version's savepoint fixture into the source tree. Run it once per release, on the release commit:
     * {@code ./mvnw -B -pl cli -am package -Dtest='JobUpgradeTest#writes*' -Dsurefire.failIfNoSpecifiedTests=false
     * -Dupdate.savepoints=true}, then commit {@code cli/src/test/resources/savepoints/<version>/}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    @EnabledIfSystemProperty(named = SavepointFixtures.UPDATE_PROPERTY, matches = "true")
    void writesTheSavepointOfTheCurrentVersion(UpgradeJobSpec spec) throws Exception {
        String version = SavepointFixtures.currentVersion();
        List<InputRecord> input = SimulatedHistory.simulate(spec.fixtureWorld(), spec.partitions());
        int consumed = SavepointFixtures.splitWithoutStraddlingDuplicates(input, input.size() * 6 / 10);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "crm.events.fixture-" + version + "-" + suffix;
        testbed.createTopic(topic, spec.partitions());
        JobRun run = testbed.newRun(spec, topic, "fixture-" + version + "-" + suffix);

        Path savepoint;
        long stopStart;
        Duration stop;
        try (CommittedOutputs outputs = testbed.watch(run)) {
            testbed.produce(topic, input.subList(0, consumed));
            String jobId = testbed.startJob(spec, run, testbed.jobJar(), spec.mainClass(), null);
            // Quiet first: a savepoint without open transactions restores on any broker.
            testbed.awaitDone(jobId, run, outputs, consumed);
            stopStart = System.nanoTime();
            savepoint = testbed.jobs().stopWithSavepoint(jobId);
            stop = Duration.ofNanos(System.nanoTime() - stopStart);
        }

        Properties properties = new Properties();
        properties.setProperty("job", spec.name());
        properties.setProperty("version", version);
        properties.setProperty("main-class", spec.mainClass());
        properties.setProperty("flink-version", testbed.rest().overview().flinkVersion());
        properties.setProperty("created", Instant.now().toString());
        properties.setProperty("parallelism", String.valueOf(spec.parallelism()));
        properties.setProperty("input.topic", topic);
        properties.setProperty("input.partitions", String.valueOf(spec.partitions()));
        properties.setProperty("input.records", String.valueOf(input.size()));
        properties.setProperty("input.consumed-records", String.valueOf(consumed));
        properties.setProperty("input.world", spec.fixtureWorld().toString());
        properties.setProperty("outputs", String.join(",", spec.outputs()));
        properties.setProperty("kafka.group-id", run.groupId());
        properties.setProperty("sink.transactional-id-prefix", run.transactionalIdPrefix());
        Fixture fixture = SavepointFixtures.write(version, spec.name(), savepoint, input, properties);
        writtenThisRun.add(fixture.directory().toAbsolutePath());

        UpgradeFigures.record(spec.name(), "fixture " + version + " written to " + fixture.directory()
                + " (stop-with-savepoint " + millis(stop) + ")", bytes(SavepointFixtures.committedBytes()));
        assertThat(fixture.savepoint().resolve("_metadata")).isRegularFile();
        assertThat(fixture.input()).hasSize(input.size());
    }

    // ---- one released version's savepoint into the current jar

    private void restoresFixture(UpgradeJobSpec spec, Fixture fixture) throws Exception {
        Assumptions.assumeFalse(writtenThisRun.contains(fixture.directory().toAbsolutePath()),
                "written by this run; its topic already exists on this broker");
        List<InputRecord> input = fixture.input();
        int consumed = fixture.consumedRecords();
        assertThat(SavepointFixtures.straddlingDuplicates(input, consumed))
                .as("duplicates whose first copy the savepoint saw: its dedupe markers have expired").isEmpty();
        testbed.createTopic(fixture.inputTopic(), fixture.partitions());

        // The current version from scratch over the fixture's input: what it writes for the part the savepoint had
        // consumed, then for all of it. Beside it, the current version restored from the old savepoint, which must
        // write exactly the difference.
        Path savepoint = tmp.resolve("fixture-" + fixture.version() + "-" + spec.name());
        UpgradeTestbed.copyDirectory(fixture.savepoint(), savepoint);
        JobRun restoredRun = testbed.newRun(spec, fixture.inputTopic(), "fixture-restored");
        restoredRun = new JobRun(restoredRun.id(), restoredRun.bootstrapServers(), restoredRun.inputTopic(),
                restoredRun.outputTopics(), restoredRun.groupId(), fixture.transactionalIdPrefix());
        List<Output> forConsumedPart;
        List<Output> forAll;
        List<Output> afterRestore;
        Duration restore;
        SnapshotInfo restoredFrom;
        try (UninterruptedRun twin = UninterruptedRun.start(testbed, spec, fixture.inputTopic());
             CommittedOutputs outputs = testbed.watch(restoredRun)) {
            testbed.produce(fixture.inputTopic(), input.subList(0, consumed));
            forConsumedPart = twin.outputsFor(consumed);
            testbed.produce(fixture.inputTopic(), input.subList(consumed, input.size()));
            long start = System.nanoTime();
            String jobId;
            try {
                jobId = testbed.startJob(spec, restoredRun, testbed.jobJar(), spec.mainClass(),
                        savepoint.toUri().toString());
            } catch (RuntimeException e) {
                throw new AssertionError("The current version of " + spec.name() + " cannot restore the savepoint of "
                        + fixture.version() + " (" + fixture.savepoint() + "): "
                        + e.getMessage().replaceAll("\\.+$", "") + ". A state type"
                        + " changed incompatibly, or a class its serializers name was removed; see"
                        + " deploy/UPGRADES.md", e);
            }
            restore = Duration.ofNanos(System.nanoTime() - start);
            testbed.awaitDone(jobId, restoredRun, outputs, input.size());
            afterRestore = outputs.all();
            restoredFrom = awaitRestoredSnapshot(jobId);
            testbed.jobs().cancel(jobId);
            forAll = twin.outputsFor(input.size());
        }

        assertThat(restoredFrom.savepoint()).isTrue();
        assertThat(UpgradeTestbed.localPath(restoredFrom.externalPath())).isEqualTo(savepoint);
        List<String> compared = fixture.outputs(spec.outputs());
        OutputMultiset expected = OutputMultiset.of(only(compared, forAll), spec.normalizer())
                .minus(OutputMultiset.of(only(compared, forConsumedPart), spec.normalizer()));
        OutputMultiset actual = OutputMultiset.of(only(compared, afterRestore), spec.normalizer());
        assertThat(expected.size()).as("output the rest of the input must cause").isPositive();
        assertThat(OutputMultiset.differences(expected, actual))
                .as("output of the current version restored from %s's savepoint, against an uninterrupted run"
                        + " minus what the savepoint's run had written", fixture)
                .isEmpty();
        UpgradeFigures.record(spec.name(), "restore of the " + fixture.version() + " savepoint into the current jar"
                + " (run until every task runs)", millis(restore));
    }

    // ---- assertions

    private static void assertSameOutputs(UpgradeJobSpec spec, List<Output> uninterrupted, List<Output> written,
                                          String what) {
        OutputMultiset expected = OutputMultiset.of(uninterrupted, spec.normalizer());
        OutputMultiset actual = OutputMultiset.of(written, spec.normalizer());
        for (String output : spec.outputs()) {
            assertThat(expected.size(output)).as("records the uninterrupted run wrote to %s", output).isPositive();
        }
        assertThat(OutputMultiset.differences(expected, actual))
                .as("committed output of %s against an uninterrupted run (nothing lost, nothing duplicated)", what)
                .isEmpty();
    }

    // ---- figures

    // ---- helpers

    /** The newest committed savepoint of the job, copied; or, before its first release, a fresh one. */
    private static Path savepointOfVersionN(UpgradeJobSpec spec) throws Exception {
        List<Fixture> fixtures = SavepointFixtures.committed(spec.name());
        if (!fixtures.isEmpty()) {
            Fixture newest = fixtures.get(fixtures.size() - 1);
            Path copy = tmp.resolve("refused-" + spec.name() + "-" + newest.version());
            UpgradeTestbed.copyDirectory(newest.savepoint(), copy);
            return copy;
        }
        List<InputRecord> history = testbed.history(spec);
        String topic = testbed.createInputTopic(spec, "savepoint");
        JobRun run = testbed.newRun(spec, topic, "savepoint");
        try (CommittedOutputs outputs = testbed.watch(run)) {
            int some = Math.min(history.size(), 1000);
            testbed.produce(topic, history.subList(0, some));
            String jobId = testbed.startJob(spec, run, testbed.jobJar(), spec.mainClass(), null);
            testbed.awaitDone(jobId, run, outputs, some);
            return testbed.jobs().stopWithSavepoint(jobId);
        }
    }

    private static List<Output> only(List<String> outputs, List<Output> records) {
        return records.stream().filter(r -> outputs.contains(r.output())).toList();
    }

    private static Output awaitFirstOutputAfter(CommittedOutputs outputs, long nanoTime) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Output first;
        while ((first = outputs.firstSeenAfter(nanoTime)) == null) {
            assertThat(System.nanoTime()).as("output resumes after the recovery").isLessThan(deadline);
            UpgradeTestbed.sleep(Duration.ofMillis(20));
        }
        return first;
    }

    /** The checkpoint statistics are cached by the REST server for a few seconds. */
    private static SnapshotInfo awaitRestoredSnapshot(String jobId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Optional<SnapshotInfo> restored;
        while ((restored = testbed.rest().restoredFrom(jobId)).isEmpty()) {
            assertThat(System.nanoTime()).as("job %s reports what it restored", jobId).isLessThan(deadline);
            UpgradeTestbed.sleep(Duration.ofMillis(200));
        }
        return restored.get();
    }
}
