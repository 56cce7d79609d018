package com.crmautopilot.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/flink-deployment.yaml is not applied here; it is read and held to the build and to conf/config.yaml. */
class FlinkDeploymentManifestTest {

    private static ProjectBuild build;
    private static JsonNode spec;
    private static Configuration conf;

    @BeforeAll
    static void read() throws Exception {
        build = ProjectBuild.read();
        JsonNode deployment = ProjectBuild.yaml(ProjectBuild.ROOT.resolve("deploy").resolve("flink-deployment.yaml"));
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.path("kind").asText()).isEqualTo("FlinkDeployment");
        assertThat(deployment.path("metadata").path("name").asText()).isEqualTo("lead-intelligence");
        spec = deployment.path("spec");
        conf = GlobalConfiguration.loadConfiguration(ProjectBuild.ROOT.resolve("conf").toString());
    }

    @Test
    void upgradesBySavepointAndNeverDropsStateSilently() {
        JsonNode job = spec.path("job");
        assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(job.path("allowNonRestoredState").isBoolean()).isTrue();
        assertThat(job.path("allowNonRestoredState").asBoolean()).isFalse();
        assertThat(job.path("state").asText()).isEqualTo("running");
        assertThat(spec.path("flinkConfiguration").path("execution.checkpointing.savepoint-dir").asText())
                .startsWith("s3://");
    }

    @Test
    void runsTheShadedJobJarBakedIntoAnImageOfOurFlinkVersion() throws Exception {
        String[] version = build.flinkVersion().split("\\.");
        assertThat(spec.path("flinkVersion").asText()).isEqualTo("v" + version[0] + "_" + version[1]);
        assertThat(spec.path("job").path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/" + build.jobJarName());
        assertThat(spec.path("job").path("entryClass").asText()).isEqualTo(build.jobMainClass());

        List<String> dockerfile = Files.readAllLines(ProjectBuild.ROOT.resolve("deploy").resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM " + build.flinkImage());
        assertThat(dockerfile).anyMatch(line -> line.startsWith("COPY") && line.endsWith(
                "jobs/target/" + build.jobJarName() + " /opt/flink/usrlib/" + build.jobJarName()));

        // The job reads its settings file inside the image, where the Dockerfile puts it.
        String settings = "/opt/autopilot/conf/lead-intelligence.properties";
        assertThat(dockerfile).anyMatch(line -> line.startsWith("COPY")
                && line.endsWith("conf/lead-intelligence.properties " + settings));
        List<String> args = new ArrayList<>();
        spec.path("job").path("args").forEach(a -> args.add(a.asText()));
        assertThat(args.subList(0, 2)).containsExactly("--config", settings);
    }

    @Test
    void repeatsTheGuardrailsOfConfConfigYaml() {
        JsonNode flink = spec.path("flinkConfiguration");
        for (String key : List.of("state.backend.type", "execution.checkpointing.incremental",
                "execution.checkpointing.interval", "execution.checkpointing.mode", "pipeline.generic-types",
                "pipeline.auto-generate-uids", "restart-strategy.type", "execution.state-recovery.claim-mode",
                "execution.checkpointing.externalized-checkpoint-retention", "taskmanager.numberOfTaskSlots",
                "metrics.reporters")) {
            assertThat(flink.path(key).asText()).as(key).isEqualTo(conf.getString(key, null));
        }
    }
}
