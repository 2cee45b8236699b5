package dev.infoprune.data;

import dev.infoprune.core.BadInputException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Turns what the user typed as a data set into data: a bundled name ({@link BundledDatasets#names()}), a CSV
 * file (gzipped or not; option {@code #label=COLUMN}) or a folder of IDX files ({@link IdxFolder}).
 * <p>
 * Splits for a seed: a source with an official test set (Fashion-MNIST, an IDX folder with {@code t10k} files)
 * keeps it as the test split and cuts a stratified probe split of 5000 samples (a fifth, if that is smaller)
 * from its training set; every other source is cut stratified into 60% train, 20% probe and 20% test. The
 * same seed always gives the same splits, and the splits are disjoint.
 */
public final class DatasetLocator {
    private DatasetLocator() {
    }

    public static Splits resolve(String spec, long seed) {
        return requireTestSamples(spec, Splitter.split(load(spec), seed));
    }

    public static Splits resolve(String spec, long seed, CsvReader.Options csvOptions) {
        return requireTestSamples(spec, Splitter.split(load(spec, csvOptions), seed));
    }

    /** The data as read, before splitting. */
    public static DatasetParts load(String spec) {
        return load(spec, null);
    }

    /**
     * @param csvOptions how to read a CSV file; null for the defaults or the spec's own {@code #label=} option
     */
    public static DatasetParts load(String text, CsvReader.Options csvOptions) {
        DatasetSpec spec = DatasetSpec.parse(text);
        if (BundledDatasets.isBundled(spec.base())) {
            return BundledDatasets.load(spec);
        }
        Path path;
        try {
            path = Path.of(spec.base());
        } catch (InvalidPathException e) {
            throw unknown(text);
        }
        if (Files.isDirectory(path)) {
            spec.allowOnly(Set.of());
            return IdxFolder.read(path, spec.base());
        }
        if (Files.isRegularFile(path)) {
            spec.allowOnly(Set.of("label"));
            CsvReader.Options options = csvOptions != null ? csvOptions : new CsvReader.Options(spec.option("label", null));
            return DatasetParts.single(CsvReader.read(readable(path), spec.base(), options));
        }
        throw unknown(text);
    }

    private static Path readable(Path path) {
        if (!Files.isReadable(path)) {
            throw new BadInputException(path, "cannot be read (permission denied)");
        }
        return path;
    }

    private static BadInputException unknown(String text) {
        return new BadInputException(text, "no such data set, file or folder (bundled data sets: "
                + String.join(", ", BundledDatasets.names()) + "; or give a CSV file or a folder of IDX files)");
    }

    /** A test split without samples would report "accuracy NaN" as if it were a result. */
    private static Splits requireTestSamples(String spec, Splits splits) {
        if (splits.test().size() == 0) {
            int n = splits.train().size() + splits.probe().size();
            throw new BadInputException(spec, "holds " + n + " sample" + (n == 1 ? "" : "s")
                    + ": too few to leave any for the test split (a fifth of the samples is held out; give at least 3)");
        }
        return splits;
    }
}
