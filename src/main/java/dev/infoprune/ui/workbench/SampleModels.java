package dev.infoprune.ui.workbench;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a bundled sample model folder by name: {@code sample-models/<name>} under the working directory (as
 * with {@code mvn javafx:run}), else on the class path when that is a folder.
 */
final class SampleModels {
    static final String DEFAULT = "mlp-digits";

    private SampleModels() {
    }

    static Optional<Path> find(String name) {
        Path local = Path.of("sample-models", name);
        if (Files.isRegularFile(local.resolve("model.json"))) {
            return Optional.of(local.toAbsolutePath());
        }
        URL url = SampleModels.class.getResource("/sample-models/" + name + "/model.json");
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Optional.of(Path.of(url.toURI()).getParent());
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
