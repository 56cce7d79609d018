package com.crmautopilot.cli.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a job class, and every class of its package, from the compiled test classes into a job jar at test time.
 * The cluster's classpath leaves test classes out, so the job reaches the cluster only through this jar.
 */
final class TestJobJar {

    private TestJobJar() {
    }

    static Path build(Class<?> mainClass, Path jar) throws IOException {
        Path classesRoot;
        try {
            classesRoot = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packagePath = mainClass.getPackageName().replace('.', '/');
        Path packageDir = classesRoot.resolve(packagePath);
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(packageDir)) {
            classFiles = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path classFile : classFiles) {
                out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
                Files.copy(classFile, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
