package com.crmautopilot.cli.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads a job version's own classes from its jar ahead of this JVM's copies, and everything else (Flink) from this
 * JVM, as Flink's child-first user-code class loader does on a cluster. Reading a savepoint through it shows the
 * state as that version of the job sees it.
 */
final class JobClassLoader extends URLClassLoader {

    private static final String JOB_PACKAGES = "com.crmautopilot.";

    private JobClassLoader(URL jar, ClassLoader parent) {
        super(new URL[] {jar}, parent);
    }

    static JobClassLoader of(Path jar) {
        try {
            return new JobClassLoader(jar.toUri().toURL(), JobClassLoader.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(JOB_PACKAGES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInTheJar) {
                    loaded = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
