package com.crmautopilot.cli.cluster;

import com.crmautopilot.cli.cluster.testjob.CountingJob;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A real session cluster: a JobManager and a TaskManager as separate JVMs, on the project's own conf/config.yaml,
 * fed a job jar over REST. The job is {@link CountingJob}, packed into its own jar at test time.
 */
class LocalFlinkClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkClusterTest.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path PROJECT_CONF = Path.of("..", "conf");

    @TempDir
    static Path tmp;

    private static LocalFlinkCluster cluster;
    private static FlinkRestClient rest;
    private static String jarId;

    @BeforeAll
    static void startCluster() throws Exception {
        Path jobJar = TestJobJar.build(CountingJob.class, tmp.resolve("counting-job.jar"));
        long start = System.nanoTime();
        cluster = LocalFlinkCluster.start(LocalClusterSpec.builder(tmp.resolve("cluster"))
                .baseConf(PROJECT_CONF)
                .taskManagers(1)
                .slots(2)
                // The project's sizes are for a dedicated machine; these fit beside the build.
                .taskManagerMemory("1280m")
                .jobManagerMemory("768m")
                .startTimeout(Duration.ofSeconds(60))
                .stopWithThisJvm()
                .build());
        LOG.info("cluster started in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
        rest = cluster.rest();
        jarId = rest.uploadJar(jobJar);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void runsTheJobManagerAndTaskManagerAsSeparateProcessesOnTheProjectConfiguration() {
        ClusterOverview overview = rest.overview();
        assertThat(overview.flinkVersion()).isEqualTo("2.2.0");
        assertThat(overview.slotsTotal()).isEqualTo(2 * overview.taskManagers());

        long self = ProcessHandle.current().pid();
        ClusterProcess taskManager = liveTaskManager();
        assertThat(cluster.jobManager().isAlive()).isTrue();
        assertThat(List.of(cluster.jobManager().pid(), taskManager.pid())).doesNotContain(self).doesNotHaveDuplicates();
        assertThat(rest.taskManagers()).extracting(TaskManagerInfo::id).contains(taskManager.name());

        // The settings of conf/config.yaml reach the processes; only addresses, ports and directories are local.
        var config = cluster.configuration();
        assertThat(config.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(config.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(config.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(config.get(CheckpointingOptions.SAVEPOINT_DIRECTORY))
                .isEqualTo(cluster.layout().savepoints().toUri().toString());
        assertThat(cluster.layout().conf().resolve("config.yaml")).isRegularFile();
        // The job settings files too: job main methods run in the JobManager, from the cluster's directory.
        assertThat(cluster.layout().conf().resolve("lead-intelligence.properties"))
                .hasSameTextualContentAs(PROJECT_CONF.resolve("lead-intelligence.properties"));
        assertThat(cluster.jobManager().logFile()).isRegularFile();
    }

    @Test
    void upgradesAJobByStoppingItWithASavepointAndRestoringFromIt() {
        String jobId = rest.run(jarId, RunRequest.of(null, List.of("--rate", "500")));
        rest.awaitRunning(jobId, TIMEOUT);
        awaitCompletedCheckpoint(jobId);

        UpgradeReport report = SavepointUpgrade.run(rest, jobId, jarId, RunRequest.of(null, List.of("--rate", "500")),
                null, TIMEOUT);
        LOG.info("upgrade of the counting job:\n{}", report.summary());

        Path savepoint = SavepointSize.localPath(report.savepointPath());
        assertThat(savepoint).startsWith(cluster.layout().savepoints());
        assertThat(savepoint.resolve("_metadata")).isRegularFile();
        assertThat(report.savepointBytes()).isEqualTo(SavepointSize.onDisk(report.savepointPath()).getAsLong())
                .isPositive();
        assertThat(rest.jobState(jobId)).isEqualTo(JobStatus.FINISHED);

        String upgraded = report.jobId();
        assertThat(upgraded).isNotEqualTo(jobId);
        assertThat(rest.jobSummary(upgraded).allTasksRunning()).isTrue();
        SnapshotInfo restored = rest.restoredFrom(upgraded).orElseThrow();
        assertThat(restored.savepoint()).isTrue();
        assertThat(SavepointSize.localPath(restored.externalPath())).isEqualTo(savepoint);

        cancel(upgraded);
    }

    @Test
    void refusesToRestoreStateThatNoOperatorOfTheNewJobClaims() throws Exception {
        String jobId = rest.run(jarId, RunRequest.of(null, List.of()));
        rest.awaitRunning(jobId, TIMEOUT);
        String savepoint = rest.awaitSavepoint(jobId, rest.stopWithSavepoint(jobId, null, false), TIMEOUT);

        // The same job, but its stateful operator's uid changed: the savepoint's counts belong to no operator.
        RunRequest renamed = RunRequest.of(null, List.of("--counter-uid", "renamed-counter")).fromSavepoint(savepoint);
        RestoreRefusedException refusal = catchThrowableOfType(RestoreRefusedException.class,
                () -> rest.run(jarId, renamed));
        assertThat(refusal).hasMessageContaining("refused to start from its savepoint")
                .hasMessageContaining("Cannot map checkpoint/savepoint state for operator")
                .hasMessageContaining(savepoint)
                .hasMessageContaining("allowNonRestoredState is off");
        assertThat(rest.jobState(refusal.jobId())).isEqualTo(JobStatus.FAILED);

        // Only an explicit opt-in drops that state.
        String dropping = rest.run(jarId, renamed.allowingNonRestoredState(true));
        rest.awaitRunning(dropping, TIMEOUT);
        cancel(dropping);
    }

    @Test
    void recoversFromTheLastCheckpointOnANewTaskManagerAfterOneIsKilled() {
        String jobId = rest.run(jarId, RunRequest.of(null, List.of("--rate", "500")));
        rest.awaitRunning(jobId, TIMEOUT);
        awaitCompletedCheckpoint(jobId);

        ClusterProcess victim = liveTaskManager();
        long killed = System.nanoTime();
        victim.kill();
        ClusterProcess replacement = cluster.startTaskManager();

        awaitRestartedAndRunning(jobId);
        Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
        LOG.info("recovered from the SIGKILL of {} on {} in {} ms", victim.name(), replacement.name(),
                recovery.toMillis());

        assertThat(victim.isAlive()).isFalse();
        SnapshotInfo restored = awaitRestore(jobId);
        assertThat(restored.savepoint()).isFalse();
        assertThat(SavepointSize.localPath(restored.externalPath())).startsWith(cluster.layout().checkpoints());
        assertThat(rest.taskManagers()).extracting(TaskManagerInfo::id).contains(replacement.name());
        assertThat(recovery).isLessThan(TIMEOUT);

        cancel(jobId);
    }

    /** The test that kills a TaskManager replaces it, so whichever test runs first, one is alive. */
    private static ClusterProcess liveTaskManager() {
        return cluster.taskManagers().stream().filter(ClusterProcess::isAlive).findFirst().orElseThrow();
    }

    private static void awaitCompletedCheckpoint(String jobId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (rest.latestCheckpoint(jobId).isEmpty()) {
            assertThat(System.nanoTime()).as("a checkpoint of job %s completes", jobId).isLessThan(deadline);
            FlinkRestClient.sleep(Duration.ofMillis(100));
        }
    }

    /**
     * Waits until the job has noticed the loss (not every task running any more), then until every task runs
     * again. The job overview is current, unlike the checkpoint statistics, which the REST server caches.
     */
    private static void awaitRestartedAndRunning(String jobId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        boolean interrupted = false;
        while (true) {
            JobSummary job = rest.jobSummary(jobId);
            assertThat(job.state()).isNotIn(JobStatus.FAILED, JobStatus.CANCELED);
            if (!job.allTasksRunning()) {
                interrupted = true;
            } else if (interrupted) {
                return;
            }
            assertThat(System.nanoTime()).as("job %s recovers", jobId).isLessThan(deadline);
            FlinkRestClient.sleep(Duration.ofMillis(50));
        }
    }

    private static SnapshotInfo awaitRestore(String jobId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (rest.restoredFrom(jobId).isEmpty()) {
            assertThat(System.nanoTime()).as("job %s reports its restore", jobId).isLessThan(deadline);
            FlinkRestClient.sleep(Duration.ofMillis(200));
        }
        return rest.restoredFrom(jobId).orElseThrow();
    }

    private static void cancel(String jobId) {
        rest.cancel(jobId);
        assertThat(rest.awaitTerminal(jobId, TIMEOUT)).isEqualTo(JobStatus.CANCELED);
    }
}
