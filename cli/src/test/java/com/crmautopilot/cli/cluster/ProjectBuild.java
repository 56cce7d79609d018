package com.crmautopilot.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the build says, read from the poms, so that files outside the build (compose, Kubernetes manifests,
 * Dockerfiles) are checked against it rather than against copies of its numbers. Tests run in {@code cli/}.
 */
final class ProjectBuild {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Element parent;
    private final Element jobs;

    private ProjectBuild(Element parent, Element jobs) {
        this.parent = parent;
        this.jobs = jobs;
    }

    static ProjectBuild read() throws Exception {
        return new ProjectBuild(pom(ROOT.resolve("pom.xml")), pom(ROOT.resolve("jobs").resolve("pom.xml")));
    }

    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    String version() {
        return childText(parent, "version");
    }

    String property(String name) {
        return childText(child(parent, "properties"), name);
    }

    String flinkVersion() {
        return property("flink.version");
    }

    String kafkaVersion() {
        return property("kafka.version");
    }

    String javaRelease() {
        return property("maven.compiler.release");
    }

    /** The official Flink image for our Flink and Java versions, e.g. {@code flink:2.2.0-java17}. */
    String flinkImage() {
        return "flink:" + flinkVersion() + "-java" + javaRelease();
    }

    /** The shaded job jar's file name: artifactId-version-classifier.jar. */
    String jobJarName() {
        Element shade = (Element) jobs.getElementsByTagName("shadedClassifierName").item(0);
        return childText(jobs, "artifactId") + "-" + version() + "-" + shade.getTextContent().trim() + ".jar";
    }

    /** The job jar's Main-Class, as the shade plugin writes it into the manifest. */
    String jobMainClass() {
        return jobs.getElementsByTagName("mainClass").item(0).getTextContent().trim();
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static String childText(Element element, String name) {
        return child(element, name).getTextContent().trim();
    }

    /** A direct child only: {@code version} also appears inside parent and dependency elements. */
    private static Element child(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException("<" + element.getTagName() + "> has no <" + name + ">");
    }
}
