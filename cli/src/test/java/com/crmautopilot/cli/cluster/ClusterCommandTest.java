package com.crmautopilot.cli.cluster;

import com.crmautopilot.cli.cluster.testjob.CountingJob;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cluster} commands end to end, each a separate invocation as from a shell: the cluster that
 * {@code start} leaves running is found again by {@code submit}, {@code savepoint}, {@code upgrade} and
 * {@code stop} through the state it recorded, not through an object in memory.
 */
class ClusterCommandTest {

    private static final Pattern JOB_ID = Pattern.compile("Job ([0-9a-f]{32}) running");
    private static final Pattern UPGRADED = Pattern.compile("Upgraded job ([0-9a-f]{32}) to ([0-9a-f]{32})");

    @TempDir
    static Path tmp;

    private static Path clusterDir;
    private static Path jobJar;

    @BeforeAll
    static void build() throws Exception {
        clusterDir = tmp.resolve("cluster");
        jobJar = TestJobJar.build(CountingJob.class, tmp.resolve("counting-job.jar"));
    }

    @AfterAll
    static void stopLeftovers() {
        LocalFlinkCluster.stopRecorded(new ClusterLayout(clusterDir));
    }

    @Test
    void startsSubmitsSavepointsUpgradesAndStopsAClusterFromSeparateInvocations() {
        Result start = run("start", "--cluster-dir", clusterDir.toString(),
                "--conf", ProjectBuild.ROOT.resolve("conf").toString(), "--rest-port", "0", "--slots", "2",
                "--tm-memory", "1280m", "--jm-memory", "768m");
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).contains("session cluster up", "1 TaskManager(s), 2 slots");
        ClusterState state = ClusterState.read(new ClusterLayout(clusterDir).stateFile()).orElseThrow();
        assertThat(state.liveProcesses()).extracting(ClusterProcess::name).containsExactly("jobmanager", "taskmanager-1");
        FlinkRestClient rest = new FlinkRestClient(state.restUrl());

        Result secondStart = run("start", "--cluster-dir", clusterDir.toString(), "--rest-port", "0");
        assertThat(secondStart.exitCode()).isEqualTo(1);
        assertThat(secondStart.err()).contains("already running at " + state.restUrl());

        Result submit = run("submit", "--cluster-dir", clusterDir.toString(), "--jar", jobJar.toString(), "--",
                "--rate", "300");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String jobId = group(JOB_ID, submit.out(), 1);
        assertThat(rest.jobState(jobId)).isEqualTo(JobStatus.RUNNING);

        Result status = run("status", "--cluster-dir", clusterDir.toString());
        assertThat(status.out()).contains("1 TaskManager(s)", "taskmanager-1", jobId + "  RUNNING");

        Result savepoint = run("savepoint", "--cluster-dir", clusterDir.toString(), jobId);
        assertThat(savepoint.exitCode()).as(savepoint.err()).isZero();
        assertThat(savepoint.out()).contains("Savepoint of job " + jobId,
                new ClusterLayout(clusterDir).savepoints().toUri().getPath());
        assertThat(rest.jobState(jobId)).isEqualTo(JobStatus.RUNNING);

        // No --jar: the job's jar and arguments come from what submit recorded.
        Result upgrade = run("upgrade", "--cluster-dir", clusterDir.toString(), jobId);
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(group(UPGRADED, upgrade.out(), 1)).isEqualTo(jobId);
        String upgraded = group(UPGRADED, upgrade.out(), 2);
        assertThat(upgrade.out()).contains("savepoint", "size", "stop", "restore", "downtime");
        assertThat(rest.jobState(jobId)).isEqualTo(JobStatus.FINISHED);
        assertThat(rest.jobSummary(upgraded).allTasksRunning()).isTrue();
        assertThat(rest.restoredFrom(upgraded).orElseThrow().savepoint()).isTrue();

        Result unknown = run("upgrade", "--cluster-dir", clusterDir.toString(), "0123456789abcdef0123456789abcdef");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("was not submitted through this CLI", "--jar");

        Result cancel = run("cancel", "--cluster-dir", clusterDir.toString(), upgraded);
        assertThat(cancel.out()).contains("Job " + upgraded + " is CANCELED");

        Result stop = run("stop", "--cluster-dir", clusterDir.toString());
        assertThat(stop.out()).contains("Stopped 2 cluster process(es)");
        assertThat(state.liveProcesses()).isEmpty();
        assertThat(run("stop", "--cluster-dir", clusterDir.toString()).out()).contains("No local cluster is running");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ClusterCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(group);
    }

    private record Result(int exitCode, String out, String err) {
    }
}
