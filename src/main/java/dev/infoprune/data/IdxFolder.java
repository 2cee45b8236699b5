package dev.infoprune.data;

import dev.infoprune.core.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of IDX files in the MNIST / Fashion-MNIST layout: {@code train-images-idx3-ubyte} and
 * {@code train-labels-idx1-ubyte}, optionally {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}
 * (each possibly gzipped, with or without {@code .gz}; a dot instead of the dash before {@code idx} is accepted).
 * Class names come from a {@code classes.txt} in the folder (one per line), or are Fashion-MNIST's when the
 * folder's name contains "fashion", or are "0".."9" otherwise.
 */
public final class IdxFolder {
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private IdxFolder() {
    }

    /** True when the folder holds training images in the MNIST layout. */
    public static boolean looksLikeIdxFolder(Path dir) {
        return Files.isDirectory(dir) && find(dir, "train", "images", 3).isPresent();
    }

    public static DatasetParts read(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "no such folder");
        }
        Path trainImages = find(dir, "train", "images", 3).orElseThrow(() -> missing(dir, "train-images-idx3-ubyte"));
        Path trainLabels = find(dir, "train", "labels", 1).orElseThrow(() -> missing(dir, "train-labels-idx1-ubyte"));
        Optional<Path> testImages = find(dir, "t10k", "images", 3);
        Optional<Path> testLabels = find(dir, "t10k", "labels", 1);
        if (testImages.isPresent() != testLabels.isPresent()) {
            throw missing(dir, testImages.isPresent() ? "t10k-labels-idx1-ubyte" : "t10k-images-idx3-ubyte");
        }
        List<String> classes = classes(dir);
        Dataset train = IdxReader.readDataset(name, trainImages, trainLabels, classes);
        if (testImages.isEmpty()) {
            return DatasetParts.single(train);
        }
        Dataset test = IdxReader.readDataset(name, testImages.get(), testLabels.get(), classes);
        if (!java.util.Arrays.equals(train.inputShape(), test.inputShape())) {
            throw new BadInputException(testImages.get(), "holds images of shape " + java.util.Arrays.toString(test.inputShape())
                    + " but the training images are " + java.util.Arrays.toString(train.inputShape()));
        }
        if (classes == null && test.classCount() != train.classCount()) {
            int k = Math.max(train.classCount(), test.classCount());
            List<String> names = java.util.stream.IntStream.range(0, k).mapToObj(Integer::toString).toList();
            train = new Dataset(name, train.inputShape(), train.features(), train.labels(), names);
            test = new Dataset(name, test.inputShape(), test.features(), test.labels(), names);
        }
        return DatasetParts.withOfficialTest(train, test);
    }

    private static List<String> classes(Path dir) {
        Path file = dir.resolve("classes.txt");
        if (Files.isRegularFile(file)) {
            try {
                List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (names.isEmpty()) {
                    throw new BadInputException(file, "names no classes");
                }
                return names;
            } catch (IOException e) {
                throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
            }
        }
        Path abs = dir.toAbsolutePath().normalize();
        String folder = abs.getFileName() == null ? "" : abs.getFileName().toString().toLowerCase(Locale.ROOT);
        if (folder.contains("fashion")) {
            return FASHION_MNIST_CLASSES;
        }
        return null;
    }

    static Optional<Path> find(Path dir, String part, String kind, int rank) {
        Pattern pattern = Pattern.compile(Pattern.quote(part + "-" + kind) + "[-.]idx" + rank + "-ubyte(\\.gz)?");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> pattern.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static BadInputException missing(Path dir, String file) {
        return new BadInputException(dir, "is not an IDX data set folder: " + file + "[.gz] is missing "
                + "(expected train-images-idx3-ubyte, train-labels-idx1-ubyte and optionally the t10k-* pair)");
    }
}
