package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsTheBundledSets() {
        CliRun run = CliRun.of("datasets");
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("digits\\s+1797\\s+\\[64\\]\\s+10\\s+stratified 60/20/20\\s+CC BY 4.0");
        assertThat(run.out()).containsPattern("fashion-mnist\\s+70000\\s+\\[1, 28, 28\\]\\s+10");
        assertThat(run.out()).contains("synthetic-xor", "MIT (Copyright 2017 Zalando SE)", "T-shirt/top, Trouser");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void listsTheBundledSetsAsJson() {
        JsonNode root = CliRun.of("datasets", "--json").json();
        JsonNode iris = root.get("datasets").get(2);
        assertThat(iris.get("name").asText()).isEqualTo("iris");
        assertThat(iris.get("samples").asInt()).isEqualTo(150);
        assertThat(iris.get("inputShape").toString()).isEqualTo("[4]");
        assertThat(iris.get("classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        assertThat(iris.get("licence").asText()).isEqualTo("CC BY 4.0");
    }

    @Test
    void describesTheSplitsOfOneSet() {
        CliRun run = CliRun.of("datasets", "wine", "--seed", "3");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("wine: input [13], 3 classes (class_0, class_1, class_2), split with seed 3");
        assertThat(run.out()).containsPattern("train\\s+106\\s+\\[35, 43, 28\\]");
        assertThat(run.out()).containsPattern("probe\\s+36\\s+\\[12, 14, 10\\]");
        assertThat(run.out()).containsPattern("test\\s+36\\s+\\[12, 14, 10\\]");
        JsonNode json = CliRun.of("datasets", "wine", "--seed", "3", "--json").json();
        assertThat(json.at("/splits/train/samples").asInt()).isEqualTo(106);
        assertThat(json.at("/splits/test/perClass").toString()).isEqualTo("[12,14,10]");
    }

    @Test
    void badDataIsOneLineAndStatusTwo() throws Exception {
        CliRun unknown = CliRun.of("datasets", "mnist");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("infoprune: mnist: no such data set, file or folder (bundled data sets: digits,");
        assertThat(unknown.err().strip()).doesNotContain("\n");
        assertThat(unknown.out()).isEmpty();

        Path bad = Files.writeString(tmp.resolve("bad.csv"), "a,b,y\n1,2,0\n1,oops,1\n");
        CliRun cell = CliRun.of("datasets", bad.toString());
        assertThat(cell.status()).isEqualTo(2);
        assertThat(cell.err()).isEqualTo("infoprune: " + bad + ": line 3, column 2 (b): \"oops\" is not a number" + System.lineSeparator());
    }

    @Test
    void hasHelp() {
        CliRun run = CliRun.of("datasets", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: infoprune datasets", "--json", "--seed", "60% train / 20% probe / 20% test");
    }
}
