package com.crmautopilot.cli.cluster;

import com.crmautopilot.models.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is read as YAML and held to the build: image tags
 * at the pom's versions, the ports the configuration uses, conf/ mounted into every Flink container, the job jar
 * at the path the jobs module builds it, and one topic for every topic in {@link Topics}.
 */
class DockerComposeTest {

    private static final List<String> FLINK_SERVICES = List.of("jobmanager", "taskmanager", "job-submitter");
    private static final String CONF_MOUNT = "./conf:/opt/autopilot/conf:ro";

    private static ProjectBuild build;
    private static JsonNode services;
    private static Configuration flinkConf;

    @BeforeAll
    static void read() throws Exception {
        build = ProjectBuild.read();
        services = ProjectBuild.yaml(ProjectBuild.ROOT.resolve("docker-compose.yml")).path("services");
        flinkConf = GlobalConfiguration.loadConfiguration(ProjectBuild.ROOT.resolve("conf").toString());
    }

    @Test
    void runsTheOfficialFlinkImageAtThePomsFlinkAndJavaVersions() {
        assertThat(build.flinkImage()).isEqualTo("flink:2.2.0-java17");
        List<String> flinkImages = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            if (image.startsWith("flink:")) {
                flinkImages.add(image);
            }
        });
        assertThat(flinkImages).hasSize(4).containsOnly(build.flinkImage());
        for (String service : FLINK_SERVICES) {
            assertThat(services.path(service).path("image").asText()).as(service).isEqualTo(build.flinkImage());
        }
    }

    @Test
    void runsTheApacheKafkaImageAtThePomsKafkaVersionInKraftMode() {
        JsonNode kafka = services.path("kafka");
        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:" + build.kafkaVersion());
        assertThat(services.path("kafka-init").path("image").asText()).isEqualTo("apache/kafka:" + build.kafkaVersion());
        JsonNode env = kafka.path("environment");
        assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).isEqualTo("1@kafka:9093");
        assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
        assertThat(env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(1);
    }

    @Test
    void publishesTheRestKafkaAndPostgresPortsTheConfigurationUses() {
        int restPort = flinkConf.get(RestOptions.PORT);
        assertThat(ports("jobmanager")).contains(restPort + ":" + restPort, "9249:9249");
        assertThat(ports("taskmanager")).contains("9250:9249");
        assertThat(ports("postgres")).contains("5432:5432");

        // Host clients reach the broker on the port it advertises to them.
        assertThat(ports("kafka")).contains("9094:9094");
        assertThat(services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
                .contains("PLAINTEXT://kafka:9092", "HOST://localhost:9094");
        assertThat(services.path("job-submitter").path("command").toString()).contains("\"jobmanager:" + restPort + "\"");
    }

    @Test
    void mountsConfIntoEveryFlinkContainerAndCopiesItOverTheImagesConf() {
        for (String service : FLINK_SERVICES) {
            JsonNode flink = services.path(service);
            assertThat(texts(flink.path("volumes"))).as(service).contains(CONF_MOUNT);
            assertThat(texts(flink.path("entrypoint"))).as(service)
                    .contains("cp /opt/autopilot/conf/* \"$$FLINK_HOME/conf/\" && exec /docker-entrypoint.sh \"$$@\"");
            assertThat(flink.path("environment").path("JOB_MANAGER_RPC_ADDRESS").asText()).as(service)
                    .isEqualTo("jobmanager");
        }
        // The files the image's scripts look for in conf/.
        Path conf = ProjectBuild.ROOT.resolve("conf");
        assertThat(conf.resolve("config.yaml")).isRegularFile();
        assertThat(conf.resolve("log4j-console.properties")).isRegularFile();
        assertThat(conf.resolve("log4j.properties")).isRegularFile();
    }

    @Test
    void sharesTheCheckpointVolumeBetweenJobManagerAndTaskManagerAtTheConfiguredDirectory() {
        String checkpoints = flinkConf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        String savepoints = flinkConf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        String mount = "flink-data:/opt/flink/data";
        assertThat(checkpoints).startsWith("file:///opt/flink/data/");
        assertThat(savepoints).startsWith("file:///opt/flink/data/");
        assertThat(texts(services.path("jobmanager").path("volumes"))).contains(mount);
        assertThat(texts(services.path("taskmanager").path("volumes"))).contains(mount);
        assertThat(texts(services.path("flink-data-init").path("volumes"))).contains(mount);
    }

    @Test
    void submitsTheShadedJobJarAtThePathTheJobsModuleBuildsIt() throws Exception {
        String jarName = build.jobJarName();
        assertThat(jarName).isEqualTo("jobs-" + build.version() + "-job.jar");
        JsonNode submitter = services.path("job-submitter");
        String containerJar = "/opt/autopilot/jobs/" + jarName;
        assertThat(texts(submitter.path("volumes"))).contains("./jobs/target/" + jarName + ":" + containerJar + ":ro");

        List<String> command = texts(submitter.path("command"));
        assertThat(command.subList(0, 2)).containsExactly("flink", "run");
        assertThat(command).contains("--detached", containerJar);
        assertThat(command.get(command.indexOf("--class") + 1)).isEqualTo(build.jobMainClass())
                .isEqualTo("com.crmautopilot.jobs.LeadIntelligenceJob");
        assertThat(command.subList(command.indexOf(containerJar) + 1, command.size())).containsExactly(
                "--config", "/opt/autopilot/conf/lead-intelligence.properties", "--kafka.bootstrap-servers", "kafka:9092");
        assertThat(ProjectBuild.ROOT.resolve("conf").resolve("lead-intelligence.properties")).isRegularFile();

        // When the jobs module is packaged, the jar is exactly there.
        Path target = ProjectBuild.ROOT.resolve("jobs").resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<String> jobJars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-job.jar"))
                        .toList();
                assertThat(jobJars).allMatch(jarName::equals);
            }
        }
    }

    @Test
    void createsEveryTopicOfTheSystemOnceTheBrokerIsHealthy() {
        JsonNode init = services.path("kafka-init");
        List<String> topics = Arrays.asList(init.path("environment").path("TOPICS").asText().trim().split("\\s+"));
        assertThat(topics).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(init.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(services.path("job-submitter").path("depends_on").path("kafka-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void runsPostgresForTheServingLayer() {
        JsonNode postgres = services.path("postgres");
        assertThat(postgres.path("image").asText()).startsWith("postgres:");
        assertThat(postgres.path("environment").path("POSTGRES_DB").asText()).isEqualTo("autopilot");
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    }

    private static List<String> ports(String service) {
        return texts(services.path(service).path("ports"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
