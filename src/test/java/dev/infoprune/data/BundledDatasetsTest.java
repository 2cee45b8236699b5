package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Normalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The bundled files as read here, against numbers computed from the same files with NumPy. */
class BundledDatasetsTest {
    private static DatasetParts fashion;

    @BeforeAll
    static void readFashionMnistOnce() {
        fashion = BundledDatasets.load("fashion-mnist");
    }

    @Test
    void fashionMnistHasItsOfficialTrainAndTestSets() {
        Dataset train = fashion.pool();
        Dataset test = fashion.officialTest().orElseThrow();
        assertThat(train.size()).isEqualTo(60000);
        assertThat(test.size()).isEqualTo(10000);
        assertThat(train.inputShape()).containsExactly(1, 28, 28);
        assertThat(Arrays.copyOf(train.labels(), 8)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2);
        assertThat(Arrays.copyOf(test.labels(), 8)).containsExactly(9, 2, 1, 1, 6, 1, 4, 6);
        assertThat(train.classes()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(sum(train.row(0))).isEqualTo(76247);
        assertThat(sum(test.row(0))).isEqualTo(33456);
        int[] counts = new int[10];
        Arrays.stream(train.labels()).forEach(l -> counts[l]++);
        assertThat(counts).containsOnly(6000);
    }

    @Test
    void theSameFilesInAFolderGiveTheSameDataAndSplits(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fashion-mnist"));
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            try (InputStream in = BundledDatasets.class.getResourceAsStream("/datasets/fashion-mnist/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        DatasetParts folder = DatasetLocator.load(dir.toString());
        assertThat(folder.pool().features()).isEqualTo(fashion.pool().features());
        assertThat(folder.pool().labels()).isEqualTo(fashion.pool().labels());
        assertThat(folder.pool().classes()).isEqualTo(fashion.pool().classes());
        assertThat(folder.officialTest().orElseThrow().labels()).isEqualTo(fashion.officialTest().orElseThrow().labels());
        Splits a = Splitter.split(folder, 9);
        Splits b = Splitter.split(fashion, 9);
        assertThat(a.probe().labels()).isEqualTo(b.probe().labels());
        assertThat(a.probe().features()).isEqualTo(b.probe().features());
    }

    @Test
    void imagesGetOneGlobalMeanAndStandardDeviation() {
        Normalization n = Normalizations.fit(fashion.pool());
        assertThat(n.mean()).hasSize(1);
        assertThat(n.mean()[0]).isCloseTo(72.94035f, within(1e-3f));
        assertThat(n.std()[0]).isCloseTo(90.02118f, within(1e-3f));
    }

    @Test
    void digitsAreThe1797ScikitLearnRows() {
        Dataset digits = BundledDatasets.load("digits").pool();
        assertThat(digits.size()).isEqualTo(1797);
        assertThat(digits.inputShape()).containsExactly(64);
        assertThat(Arrays.copyOf(digits.labels(), 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.copyOf(digits.row(0), 10)).containsExactly(0, 0, 5, 13, 9, 1, 0, 0, 0, 0);
        float max = 0;
        for (float v : digits.features()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(16f);
        assertThat(digits.classes()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void tabularSetsTakeTheirClassNamesFromTheFirstLine() {
        Dataset iris = BundledDatasets.load("iris").pool();
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.row(0)).containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
        assertThat(iris.classes()).containsExactly("setosa", "versicolor", "virginica");
        Dataset wine = BundledDatasets.load("wine").pool();
        assertThat(wine.size()).isEqualTo(178);
        assertThat(wine.inputShape()).containsExactly(13);
        assertThat(wine.row(0)[0]).isEqualTo(14.23f);
        Dataset cancer = BundledDatasets.load("breast-cancer").pool();
        assertThat(cancer.size()).isEqualTo(569);
        assertThat(cancer.classes()).containsExactly("malignant", "benign");
        assertThat(Arrays.stream(cancer.labels()).filter(l -> l == 0).count()).isEqualTo(212);
    }

    @Test
    void theCatalogDescribesWhatIsReallyThere() {
        for (BundledDatasets.Entry e : BundledDatasets.catalog()) {
            DatasetParts parts = e.name().equals("fashion-mnist") ? fashion : BundledDatasets.load(e.name());
            assertThat(parts.totalSize()).as(e.name()).isEqualTo(e.size());
            assertThat(parts.pool().inputShape()).as(e.name()).isEqualTo(e.inputShape());
            assertThat(parts.pool().classes()).as(e.name()).isEqualTo(e.classes());
        }
    }

    @Test
    void syntheticOptionsAreCheckedAndApplied() {
        Dataset blobs = BundledDatasets.load("synthetic-blobs#n=100,classes=4,dims=5").pool();
        assertThat(blobs.size()).isEqualTo(100);
        assertThat(blobs.inputShape()).containsExactly(5);
        assertThat(blobs.classCount()).isEqualTo(4);
        assertThatThrownBy(() -> BundledDatasets.load("synthetic-xor#size=3"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("synthetic-xor#size=3: unknown option \"size\" (options: n, noise, seed)");
        assertThatThrownBy(() -> BundledDatasets.load("synthetic-xor#n=ten"))
                .hasMessage("synthetic-xor#n=ten: option n=ten is not an integer");
        assertThatThrownBy(() -> BundledDatasets.load("iris#label=0"))
                .hasMessage("iris#label=0: unknown option \"label\" (this data set takes no options)");
    }

    private static long sum(float[] row) {
        long s = 0;
        for (float v : row) {
            s += (long) v;
        }
        return s;
    }
}
