package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsPlainAndGzippedFilesAlikeWhateverTheirNames() throws Exception {
        byte[] content = IdxFiles.images(3, 4, 5, 1);
        Path plain = IdxFiles.write(tmp.resolve("plain.gz"), content, false);
        Path zipped = IdxFiles.write(tmp.resolve("zipped-no-suffix"), content, true);
        IdxReader.Images a = IdxReader.readImages(plain);
        IdxReader.Images b = IdxReader.readImages(zipped);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.rows()).isEqualTo(4);
        assertThat(a.cols()).isEqualTo(5);
        assertThat(b.pixels()).isEqualTo(a.pixels());
        float[] f = a.asFloats();
        for (int i = 0; i < f.length; i++) {
            assertThat(f[i]).isEqualTo(IdxFiles.pixel(1, i));
        }
    }

    @Test
    void readsImagesAndLabelsIntoADataset() throws Exception {
        Path images = IdxFiles.write(tmp.resolve("i"), IdxFiles.images(4, 2, 3, 2), true);
        Path labels = IdxFiles.write(tmp.resolve("l"), IdxFiles.labels(2, 0, 1, 2), false);
        Dataset d = IdxReader.readDataset("tiny", images, labels, null);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.inputShape()).containsExactly(1, 2, 3);
        assertThat(d.labels()).containsExactly(2, 0, 1, 2);
        assertThat(d.classes()).containsExactly("0", "1", "2");
        assertThat(d.row(1)[0]).isEqualTo(IdxFiles.pixel(2, 6));
    }

    @Test
    void aWrongMagicNumberNamesTheFileAndBothNumbers() throws Exception {
        Path labels = IdxFiles.write(tmp.resolve("labels.idx"), IdxFiles.labels(1, 2), false);
        assertThatThrownBy(() -> IdxReader.readImages(labels))
                .isInstanceOf(BadInputException.class)
                .hasMessage(labels + ": wrong IDX magic number 0x00000801 (expected 0x00000803 for images; "
                        + "this is an IDX labels file)");
        Path junk = Files.write(tmp.resolve("junk"), "hello world, not IDX".getBytes());
        assertThatThrownBy(() -> IdxReader.readLabels(junk))
                .isInstanceOf(BadInputException.class)
                .hasMessage(junk + ": wrong IDX magic number 0x68656C6C (expected 0x00000801 for labels)");
    }

    @Test
    void truncatedFilesAreClearErrors() throws Exception {
        byte[] content = IdxFiles.images(10, 28, 28, 0);
        byte[] cut = Arrays.copyOf(content, content.length - 100);
        Path plain = IdxFiles.write(tmp.resolve("cut"), cut, false);
        assertThatThrownBy(() -> IdxReader.readImages(plain))
                .isInstanceOf(BadInputException.class)
                .hasMessage(plain + ": truncated IDX file: the header announces 10 images of 28x28 (7840 bytes) "
                        + "but only 7740 bytes follow the header");

        Path zipped = IdxFiles.write(tmp.resolve("whole.gz"), content, true);
        byte[] gz = Files.readAllBytes(zipped);
        Path cutGz = Files.write(tmp.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(cutGz))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(cutGz + ": truncated");

        Path header = Files.write(tmp.resolve("header"), Arrays.copyOf(content, 9));
        assertThatThrownBy(() -> IdxReader.readImages(header))
                .isInstanceOf(BadInputException.class)
                .hasMessage(header + ": truncated IDX file: it ends inside the 16-byte header (9 bytes)");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        Path images = IdxFiles.write(tmp.resolve("images"), IdxFiles.images(3, 2, 2, 0), false);
        Path labels = IdxFiles.write(tmp.resolve("labels"), IdxFiles.labels(0, 1), false);
        assertThatThrownBy(() -> IdxReader.readDataset("x", images, labels, null))
                .isInstanceOf(BadInputException.class)
                .hasMessage(labels + ": holds 2 labels but " + images + " holds 3 images");
    }

    @Test
    void labelsBeyondTheClassNamesAreRejected() throws Exception {
        Path images = IdxFiles.write(tmp.resolve("images"), IdxFiles.images(2, 2, 2, 0), false);
        Path labels = IdxFiles.write(tmp.resolve("labels"), IdxFiles.labels(0, 5), false);
        assertThatThrownBy(() -> IdxReader.readDataset("x", images, labels, List.of("a", "b")))
                .isInstanceOf(BadInputException.class)
                .hasMessage(labels + ": holds label 5 but the data set has only 2 classes");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("nope-idx3-ubyte");
        assertThatThrownBy(() -> IdxReader.readImages(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": file not found");
    }
}
