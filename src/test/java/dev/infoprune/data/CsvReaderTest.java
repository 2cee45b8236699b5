package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    @TempDir
    Path tmp;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void readsFeaturesAndAnIntegerLabelInTheLastColumn() throws Exception {
        Dataset d = CsvReader.read(csv("plain.csv", "1,2,0\n3.5,-4e-1,2\n\n5,6,1\n"));
        assertThat(d.name()).isEqualTo("plain");
        assertThat(d.inputShape()).containsExactly(2);
        assertThat(d.features()).containsExactly(1f, 2f, 3.5f, -0.4f, 5f, 6f);
        assertThat(d.labels()).containsExactly(0, 2, 1);
        assertThat(d.classes()).containsExactly("0", "1", "2");
    }

    @Test
    void detectsAHeaderAndMapsClassNamesToSortedIndices() throws Exception {
        Dataset d = CsvReader.read(csv("h.csv", "sepal,petal,species\n1,2,virginica\n3,4,setosa\n5,6,virginica\n"));
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("setosa", "virginica");
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void aStringLabelInTheFirstRowIsNotTakenForAHeader() throws Exception {
        Dataset d = CsvReader.read(csv("s.csv", "1,2,cat\n3,4,dog\n"));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.classes()).containsExactly("cat", "dog");
    }

    @Test
    void theLabelColumnCanBeChosenByIndexFromEitherEndOrByHeaderName() throws Exception {
        Path file = csv("l.csv", "y,a,b\n1,10,20\n0,30,40\n");
        Dataset byIndex = CsvReader.read(file, new CsvReader.Options("0"));
        Dataset byName = CsvReader.read(file, new CsvReader.Options("y"));
        Dataset fromEnd = CsvReader.read(file, new CsvReader.Options("-3"));
        for (Dataset d : new Dataset[] {byIndex, byName, fromEnd}) {
            assertThat(d.features()).containsExactly(10f, 20f, 30f, 40f);
            assertThat(d.labels()).containsExactly(1, 0);
        }
        assertThatThrownBy(() -> CsvReader.read(file, new CsvReader.Options("z")))
                .hasMessage(file + ": has no column named \"z\" (columns: y, a, b)");
        assertThatThrownBy(() -> CsvReader.read(file, new CsvReader.Options("5")))
                .hasMessage(file + ": label column 5 does not exist (the rows have 3 columns, 0..2)");
    }

    @Test
    void theDescriptorLineNamesTheClassesAndIsChecked() throws Exception {
        Dataset d = CsvReader.read(csv("iris-like.csv", "2,2,setosa,versicolor,virginica\n1,2,2\n3,4,0\n"));
        assertThat(d.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.labels()).containsExactly(2, 0);

        Path rows = csv("rows.csv", "3,2,a,b\n1,2,1\n3,4,0\n");
        assertThatThrownBy(() -> CsvReader.read(rows))
                .isInstanceOf(BadInputException.class)
                .hasMessage(rows + ": the first line declares 3 rows but the file holds 2");
        Path features = csv("features.csv", "2,3,a,b\n1,2,1\n3,4,0\n");
        assertThatThrownBy(() -> CsvReader.read(features))
                .hasMessage(features + ": the first line declares 3 features but line 2 has 3 cells (expected 4: the features and the label)");
        Path label = csv("label.csv", "2,2,a,b\n1,2,1\n3,4,2\n");
        assertThatThrownBy(() -> CsvReader.read(label))
                .hasMessage(label + ": line 3, column 3: label \"2\" is not one of the 2 classes the first line names (a, b)");
    }

    @Test
    void aNonNumericCellNamesFileLineAndColumn() throws Exception {
        Path file = csv("bad.csv", "a,b,label\n1,2,0\n3,x7,1\n");
        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": line 3, column 2 (b): \"x7\" is not a number");
        Path noHeader = csv("nh.csv", "1,2,0\n3,,1\n");
        assertThatThrownBy(() -> CsvReader.read(noHeader))
                .hasMessage(noHeader + ": line 2, column 2: the cell is empty (expected a number)");
        Path nan = csv("nan.csv", "1,2,0\nNaN,1,1\n");
        assertThatThrownBy(() -> CsvReader.read(nan))
                .hasMessage(nan + ": line 2, column 1: \"NaN\" is not a number");
    }

    @Test
    void raggedRowsEmptyFilesAndMissingFilesAreClearErrors() throws Exception {
        Path ragged = csv("r.csv", "1,2,0\n3,4,5,1\n");
        assertThatThrownBy(() -> CsvReader.read(ragged))
                .hasMessage(ragged + ": line 2 has 4 cells but the rows before it have 3");
        Path empty = csv("e.csv", "\n\n");
        assertThatThrownBy(() -> CsvReader.read(empty)).hasMessage(empty + ": holds no rows");
        Path headerOnly = csv("h.csv", "a,b,c\n");
        assertThatThrownBy(() -> CsvReader.read(headerOnly)).hasMessage(headerOnly + ": holds no data rows");
        Path missing = tmp.resolve("missing.csv");
        assertThatThrownBy(() -> CsvReader.read(missing)).hasMessage(missing + ": file not found");
        Path open = csv("q.csv", "1,\"2,0\n");
        assertThatThrownBy(() -> CsvReader.read(open)).hasMessage(open + ": line 1: a quoted cell is not closed");
    }

    @Test
    void quotedCellsSemicolonsAndGzipAreRead() throws Exception {
        Dataset quoted = CsvReader.read(csv("q.csv", "\"x\",\"y\",\"kind\"\n\"1\",2,\"a, \"\"b\"\"\"\n"));
        assertThat(quoted.classes()).containsExactly("a, \"b\"");
        Dataset semicolons = CsvReader.read(csv("s.csv", "1;2;0\n3;4;1\n"));
        assertThat(semicolons.features()).containsExactly(1f, 2f, 3f, 4f);
        Path gz = tmp.resolve("z.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("1,2,1\n3,4,0\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset zipped = CsvReader.read(gz);
        assertThat(zipped.name()).isEqualTo("z");
        assertThat(zipped.labels()).containsExactly(1, 0);
    }

    @Test
    void negativeIntegerLabelsAreMappedInNumericOrder() throws Exception {
        Dataset d = CsvReader.read(csv("n.csv", "1,1\n2,-1\n3,10\n"));
        assertThat(d.classes()).containsExactly("-1", "1", "10");
        assertThat(d.labels()).containsExactly(1, 0, 2);
    }

    @Test
    void readsUnlabelledRowsWithOrWithoutHeader() throws Exception {
        NumericRows plain = CsvReader.readRows(csv("p.csv", "1,2,3\n4,5,6\n"));
        assertThat(plain.rows()).isEqualTo(2);
        assertThat(plain.cols()).isEqualTo(3);
        assertThat(plain.row(1)).containsExactly(4f, 5f, 6f);
        assertThat(plain.header()).isEmpty();
        NumericRows headed = CsvReader.readRows(csv("h.csv", "a,b\n1,2\n"));
        assertThat(headed.header()).containsExactly("a", "b");
        assertThat(headed.values()).containsExactly(1f, 2f);
        Path bad = csv("b.csv", "a,b\n1,2\n3,four\n");
        assertThatThrownBy(() -> CsvReader.readRows(bad))
                .isInstanceOf(BadInputException.class)
                .hasMessage(bad + ": line 3, column 2 (b): \"four\" is not a number");
    }
}
