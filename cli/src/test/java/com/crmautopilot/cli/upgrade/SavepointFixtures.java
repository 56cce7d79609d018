package com.crmautopilot.cli.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Savepoints of released versions, kept under {@code cli/src/test/resources/savepoints/<version>/<job>/} the way
 * Flink's own migration tests keep theirs, so that every later version is tested against every older one. Each
 * fixture holds the savepoint, the input the job had read when it was taken (and the rest of that input), and
 * {@code fixture.properties} with the topic and names the savepoint's state refers to.
 */
final class SavepointFixtures {

    /** Tests run in {@code cli/}; fixtures are read from (and written to) the source tree, not target/. */
    static final Path ROOT = Path.of("src", "test", "resources", "savepoints");
    static final String UPDATE_PROPERTY = "update.savepoints";

    private static final String PROPERTIES = "fixture.properties";
    private static final String INPUT = "input.jsonl.gz";
    private static final String SAVEPOINT = "savepoint";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One committed fixture: a job's savepoint from one version, with its input. */
    record Fixture(String version, String job, Path directory, Properties properties) {

        Path savepoint() {
            return directory.resolve(SAVEPOINT);
        }

        String inputTopic() {
            return properties.getProperty("input.topic");
        }

        int partitions() {
            return Integer.parseInt(properties.getProperty("input.partitions"));
        }

        /**
         * The first this many records of {@link #input()} had been read, and their output committed, when the
         * savepoint was taken; the rest were not yet produced.
         */
        int consumedRecords() {
            return Integer.parseInt(properties.getProperty("input.consumed-records"));
        }

        /**
         * The outputs the fixture's version wrote. Only these are compared after a restore: an output that a later
         * version added comes from a stage whose state starts empty on restore, so it cannot match a run from scratch.
         */
        List<String> outputs(List<String> current) {
            String listed = properties.getProperty("outputs");
            if (listed == null) {
                return current;
            }
            return Arrays.stream(listed.split(",")).map(String::trim).filter(current::contains).toList();
        }

        String transactionalIdPrefix() {
            return properties.getProperty("sink.transactional-id-prefix");
        }

        List<InputRecord> input() {
            try (InputStream in = Files.newInputStream(directory.resolve(INPUT))) {
                return SimulatedHistory.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return job + " " + version;
        }
    }

    private SavepointFixtures() {
    }

    /** Every committed fixture of the job, oldest version first. */
    static List<Fixture> committed(String job) {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> versions = Files.list(ROOT)) {
            for (Path version : versions.filter(Files::isDirectory).sorted(Comparator.comparing(
                    p -> versionKey(p.getFileName().toString()))).toList()) {
                Path dir = version.resolve(job);
                if (Files.isRegularFile(dir.resolve(PROPERTIES))) {
                    fixtures.add(new Fixture(version.getFileName().toString(), job, dir, properties(dir)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    /** Total bytes of every committed fixture: they live in git, so they must stay small. */
    static long committedBytes() {
        if (!Files.isDirectory(ROOT)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version being built, without -SNAPSHOT: the directory {@code update.savepoints} writes. */
    static String currentVersion() {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(UpgradeTestbed.PROJECT_ROOT.resolve("pom.xml").toFile()).getDocumentElement();
            NodeList children = project.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node node = children.item(i);
                if (node instanceof Element e && e.getTagName().equals("version")) {
                    return e.getTextContent().trim().replace("-SNAPSHOT", "");
                }
            }
            throw new IllegalStateException("The parent pom has no <version>");
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the project version", e);
        }
    }

    /** Writes (or replaces) the fixture of {@code version}. */
    static Fixture write(String version, String job, Path savepoint, List<InputRecord> input, Properties properties)
            throws IOException {
        Path dir = ROOT.resolve(version).resolve(job);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        UpgradeTestbed.copyDirectory(savepoint, dir.resolve(SAVEPOINT));
        SimulatedHistory.write(input, dir.resolve(INPUT));
        StringBuilder text = new StringBuilder("# Savepoint of " + job + " " + version + " for JobUpgradeTest, written by"
                + " -D" + UPDATE_PROPERTY + "=true (see deploy/UPGRADES.md). Do not edit.\n");
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            text.append(key).append(" = ").append(properties.getProperty(key)).append('\n');
        }
        Files.writeString(dir.resolve(PROPERTIES), text);
        return new Fixture(version, job, dir, properties(dir));
    }

    /**
     * The first split point at or after {@code from} such that no record after it repeats the event id of a record
     * before it. Dedupe markers expire (processing time), so a committed savepoint soon remembers no event ids: a
     * duplicate straddling the split would pass as new on every later restore.
     */
    static int splitWithoutStraddlingDuplicates(List<InputRecord> records, int from) {
        for (int split = from; split < records.size(); split++) {
            if (straddlingDuplicates(records, split).isEmpty()) {
                return split;
            }
        }
        throw new IllegalStateException("No split point without straddling duplicates after " + from);
    }

    /** Event ids (tenant/event) that occur both before and after {@code split}. */
    static Set<String> straddlingDuplicates(List<InputRecord> records, int split) {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < split; i++) {
            before.add(eventKey(records.get(i)));
        }
        Set<String> straddling = new HashSet<>();
        for (int i = split; i < records.size(); i++) {
            String key = eventKey(records.get(i));
            if (key != null && before.contains(key)) {
                straddling.add(key);
            }
        }
        return straddling;
    }

    private static String eventKey(InputRecord record) {
        try {
            JsonNode event = JSON.readTree(record.value());
            if (event == null || !event.hasNonNull("tenant_id") || !event.hasNonNull("event_id")) {
                return null;
            }
            return event.get("tenant_id").asText() + "/" + event.get("event_id").asText();
        } catch (IOException malformed) {
            return null;
        }
    }

    private static Properties properties(Path dir) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Orders 0.9.0 before 0.10.0. */
    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%08d", part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                    ? Long.parseLong(part) : 0)).append('.');
        }
        return key + version;
    }
}
