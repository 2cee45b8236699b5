package dev.infoprune.ui.workbench;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.CsvReader;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.IdxReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Opens what the user picks as a data set: a bundled name (the CSV sets in {@code resources/datasets}), a
 * CSV file, or a folder of IDX files (images and labels, gzipped or not).
 */
final class DataSources {
    static final Map<String, String> BUNDLED_CSV = Map.of("digits", "digits.csv.gz", "iris", "iris.csv",
            "wine", "wine_data.csv", "breast-cancer", "breast_cancer.csv");
    static final List<String> BUNDLED = List.of("digits", "iris", "wine", "breast-cancer");

    private DataSources() {
    }

    static Dataset open(String spec) {
        String file = BUNDLED_CSV.get(spec);
        if (file != null) {
            return bundled(spec, file);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return idxFolder(path);
        }
        if (!Files.exists(path)) {
            throw new BadInputException(spec, "no such file, folder or bundled data set (bundled: " + String.join(", ", BUNDLED) + ")");
        }
        return CsvReader.read(path);
    }

    private static Dataset bundled(String name, String file) {
        String resource = "/datasets/" + file;
        try (InputStream raw = DataSources.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new BadInputException(name, "bundled data set missing from the class path (" + resource + ")");
            }
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return CsvReader.read(in, resource, name, CsvReader.Options.DEFAULT);
        } catch (IOException e) {
            throw new BadInputException(resource, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Dataset idxFolder(Path dir) {
        Path images = pick(dir, "images", "idx3");
        Path labels = pick(dir, "labels", "idx1");
        List<String> classes = java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        return IdxReader.readDataset(dir.getFileName().toString(), images, labels, classes);
    }

    /** Prefers the test split (t10k) when both are present: probing needs thousands of samples, not 60 000. */
    private static Path pick(Path dir, String kind, String magic) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().contains(magic)).sorted().toList();
            return found.stream().filter(p -> p.getFileName().toString().startsWith("t10k")).findFirst()
                    .or(() -> found.stream().findFirst())
                    .orElseThrow(() -> new BadInputException(dir, "no IDX " + kind + " file (*" + magic + "*) in this folder"));
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot be listed: " + e.getMessage(), e);
        }
    }
}
