package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetLocatorTest {
    @TempDir
    Path tmp;

    private Path idxFolder(String name, boolean gzip, boolean withTest) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        String gz = gzip ? ".gz" : "";
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte" + gz), IdxFiles.images(40, 3, 3, 1), gzip);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte" + gz), IdxFiles.labels(labels), gzip);
        if (withTest) {
            IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte" + gz), IdxFiles.images(6, 3, 3, 2), gzip);
            IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte" + gz), IdxFiles.labels(3, 2, 1, 0, 1, 2), gzip);
        }
        return dir;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFolderOfIdxFilesKeepsItsTestSet(boolean gzip) throws Exception {
        Path dir = idxFolder("mnist-like", gzip, true);
        Splits s = DatasetLocator.resolve(dir.toString(), 1);
        assertThat(s.test().size()).isEqualTo(6);
        assertThat(s.test().labels()).containsExactly(3, 2, 1, 0, 1, 2);
        assertThat(s.probe().size()).isEqualTo(8);
        assertThat(s.train().size()).isEqualTo(32);
        assertThat(s.train().inputShape()).containsExactly(1, 3, 3);
        assertThat(s.train().classes()).containsExactly("0", "1", "2", "3");
        assertThat(s.train().name()).isEqualTo(dir.toString());
    }

    @Test
    void aFolderWithoutTestFilesIsSplitLikeAnyOtherSet() throws Exception {
        Path dir = idxFolder("only-train", false, false);
        Files.writeString(dir.resolve("classes.txt"), "north\neast\nsouth\nwest\n");
        Splits s = DatasetLocator.resolve(dir.toString(), 1);
        assertThat(s.train().size() + s.probe().size() + s.test().size()).isEqualTo(40);
        assertThat(s.test().size()).isEqualTo(8);
        assertThat(s.test().classes()).containsExactly("north", "east", "south", "west");
    }

    @Test
    void aFashionFolderGetsFashionClassNames() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fashion-mnist"));
        int[] labels = new int[20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        IdxFiles.write(dir.resolve("train-images.idx3-ubyte"), IdxFiles.images(20, 2, 2, 1), false);
        IdxFiles.write(dir.resolve("train-labels.idx1-ubyte"), IdxFiles.labels(labels), false);
        assertThat(DatasetLocator.load(dir.toString()).pool().classes()).startsWith("T-shirt/top", "Trouser");
    }

    @Test
    void aFolderWithoutIdxFilesSaysWhatIsMissing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> DatasetLocator.resolve(dir.toString(), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir + ": is not an IDX data set folder: train-images-idx3-ubyte[.gz] is missing");
        Path half = idxFolder("half", true, true);
        Files.delete(half.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> DatasetLocator.resolve(half.toString(), 1))
                .hasMessageStartingWith(half + ": is not an IDX data set folder: t10k-labels-idx1-ubyte[.gz] is missing");
    }

    @Test
    void aCsvFileIsSplitSixtyTwentyTwentyAndTakesALabelOption() throws Exception {
        StringBuilder csv = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i % 2).append(',').append(i).append(',').append(i * 2).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("d.csv"), csv);
        Splits s = DatasetLocator.resolve(file + "#label=0", 3);
        assertThat(s.train().size()).isEqualTo(30);
        assertThat(s.probe().size()).isEqualTo(10);
        assertThat(s.test().size()).isEqualTo(10);
        assertThat(s.train().inputShape()).containsExactly(2);
        Splits same = DatasetLocator.resolve(file.toString(), 3, new CsvReader.Options("label"));
        assertThat(same.test().features()).isEqualTo(s.test().features());
        assertThatThrownBy(() -> DatasetLocator.resolve(file + "#labels=0", 3))
                .hasMessage(file + "#labels=0: unknown option \"labels\" (options: label)");
    }

    @Test
    void bundledNamesResolveToSplits() {
        Splits iris = DatasetLocator.resolve("iris", 42);
        assertThat(iris.train().size()).isEqualTo(90);
        assertThat(iris.probe().size()).isEqualTo(30);
        assertThat(iris.test().size()).isEqualTo(30);
        assertThat(iris.test().name()).isEqualTo("iris");
    }

    @Test
    void anUnknownNameOrMissingFileListsTheBundledSets() {
        String expected = ": no such data set, file or folder (bundled data sets: digits, fashion-mnist, iris, wine, "
                + "breast-cancer, synthetic-blobs, synthetic-xor, synthetic-circles; or give a CSV file or a folder of IDX files)";
        assertThatThrownBy(() -> DatasetLocator.resolve("irises", 1))
                .isInstanceOf(BadInputException.class)
                .hasMessage("irises" + expected);
        Path missing = tmp.resolve("nope.csv");
        assertThatThrownBy(() -> DatasetLocator.resolve(missing.toString(), 1))
                .hasMessage(missing + expected);
    }

    @Test
    void aBadCellInAUserCsvIsReportedThroughTheLocator() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.csv"), "1,2,0\n3,abc,1\n");
        assertThatThrownBy(() -> DatasetLocator.resolve(file.toString(), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": line 2, column 2: \"abc\" is not a number");
    }
}
