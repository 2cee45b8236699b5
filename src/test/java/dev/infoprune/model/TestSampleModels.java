package dev.infoprune.model;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Offers a set of sample models through the thread's context class loader for the duration of a test, the
 * way a jar offers {@code sample-models/} (index.txt plus one folder per model).
 */
public final class TestSampleModels implements AutoCloseable {
    private final ClassLoader previous;
    private final URLClassLoader loader;

    private TestSampleModels(ClassLoader previous, URLClassLoader loader) {
        this.previous = previous;
        this.loader = loader;
    }

    public static TestSampleModels offer(Path root, Map<String, Network> models) throws IOException {
        Path dir = Files.createDirectories(root.resolve(SampleModels.ROOT));
        StringBuilder index = new StringBuilder("# test samples\n");
        for (Map.Entry<String, Network> e : models.entrySet()) {
            ModelFolder.write(e.getValue(), dir.resolve(e.getKey()));
            index.append(e.getKey()).append('\n');
        }
        Files.writeString(dir.resolve("index.txt"), index);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // child-first for sample-models/ only, so these samples hide the real ones; everything else as before
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, previous) {
            @Override
            public URL getResource(String name) {
                return name.startsWith(SampleModels.ROOT + "/") ? findResource(name) : super.getResource(name);
            }
        };
        Thread.currentThread().setContextClassLoader(loader);
        return new TestSampleModels(previous, loader);
    }

    @Override
    public void close() throws IOException {
        Thread.currentThread().setContextClassLoader(previous);
        loader.close();
    }
}
