package com.crmautopilot.cli.upgrade;

import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassReader;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassWriter;
import org.apache.flink.shaded.asm9.org.objectweb.asm.FieldVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.MethodVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.Opcodes;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test-only versions of a job, made from its real shaded jar at test time, so that they always derive from the
 * classes this build produced: version N+1 (a state POJO with one more field, and an entry class that adds an
 * operator with a new uid), and a version that lost a uid.
 */
final class JobVariants {

    private JobVariants() {
    }

    /**
     * Version N+1: the POJO's current source with {@code addedField} appended, and the N+1 entry class, both compiled
     * against the shaded jar and written into a copy of it.
     */
    static Path nextVersion(Path shadedJar, UpgradeJobSpec.NextVersion next, Path projectRoot, Path workDir)
            throws IOException {
        String stateSource = Files.readString(projectRoot.resolve(next.stateSource()));
        if (stateSource.contains(" " + next.addedFieldName() + ";") || stateSource.contains(" " + next.addedFieldName() + " =")) {
            throw new IllegalStateException(next.stateClass() + " already has a field " + next.addedFieldName()
                    + ": pick another name for the upgrade test's added field");
        }
        int classEnd = stateSource.lastIndexOf('}');
        String evolved = stateSource.substring(0, classEnd) + "\n    " + next.addedField() + "\n"
                + stateSource.substring(classEnd);

        String entrySource;
        try (InputStream in = JobVariants.class.getClassLoader().getResourceAsStream(next.entrySource())) {
            if (in == null) {
                throw new IllegalStateException("No resource " + next.entrySource());
            }
            entrySource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(next.stateClass(), evolved);
        sources.put(next.entryClass(), entrySource);
        Map<String, byte[]> classes = compile(sources, shadedJar, workDir.resolve("next-version"));
        Path jar = workDir.resolve("next-version.jar");
        copyWith(shadedJar, jar, classes);
        return jar;
    }

    /**
     * A copy of the jar in which the uid string {@code uid} reads {@code renamed} wherever the job's classes use it,
     * as if a developer had changed the operator's {@code .uid(...)}.
     */
    static Path withRenamedUid(Path shadedJar, String uid, String renamed, Path out) throws IOException {
        Files.copy(shadedJar, out, StandardCopyOption.REPLACE_EXISTING);
        byte[] needle = uid.getBytes(StandardCharsets.UTF_8);
        int rewritten = 0;
        try (FileSystem zip = FileSystems.newFileSystem(out)) {
            List<Path> classFiles;
            try (Stream<Path> files = Files.walk(zip.getPath("/com/crmautopilot"))) {
                classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            }
            for (Path classFile : classFiles) {
                byte[] bytes = Files.readAllBytes(classFile);
                if (indexOf(bytes, needle) >= 0) {
                    Files.write(classFile, replaceStringConstant(bytes, uid, renamed));
                    rewritten++;
                }
            }
        }
        if (rewritten == 0) {
            throw new IllegalStateException("No class of " + shadedJar + " uses the uid " + uid);
        }
        return out;
    }

    /** Rewrites {@code ldc "uid"} instructions and constant fields equal to {@code from}. */
    private static byte[] replaceStringConstant(byte[] classBytes, String from, String to) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return super.visitField(access, name, descriptor, signature, from.equals(value) ? to : value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        super.visitLdcInsn(from.equals(value) ? to : value);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Compiles the sources against the jar (and this JVM's Flink) and returns the class files by jar entry name. */
    private static Map<String, byte[]> compile(Map<String, String> sourcesByClass, Path jar, Path workDir)
            throws IOException {
        Path sourceDir = workDir.resolve("src");
        Path classDir = workDir.resolve("classes");
        Files.createDirectories(classDir);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sourcesByClass.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("The upgrade tests compile version N+1 at test time and need a JDK");
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn",
                "-classpath", jar + File.pathSeparator + System.getProperty("java.class.path"),
                "-d", classDir.toString()));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("Compiling version N+1 failed:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (Stream<Path> compiled = Files.walk(classDir)) {
            for (Path file : compiled.filter(p -> p.toString().endsWith(".class")).toList()) {
                classes.put(classDir.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
            }
        }
        return classes;
    }

    /** Copies the jar and puts the entries into the copy; the jar's other entries are copied as they are. */
    private static void copyWith(Path jar, Path out, Map<String, byte[]> entries) throws IOException {
        Files.copy(jar, out, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                Path target = zip.getPath("/" + entry.getKey());
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.write(target, entry.getValue());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
