package dev.infoprune.ui.export;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportTargetTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFolderUnderAFolderIsFineAndNothingIsCreatedByChecking() {
        Path target = tmp.resolve("a/b/c");
        assertThat(ExportTarget.folder(target.toString())).isEqualTo(target.toAbsolutePath());
        assertThat(Files.exists(tmp.resolve("a"))).isFalse();
    }

    @Test
    void filesInTheWayAndEmptyTextAreRefusedNamingThePath() throws Exception {
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        assertThatThrownBy(() -> ExportTarget.folder(file.toString())).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": is a file, not a folder");
        assertThatThrownBy(() -> ExportTarget.folder(file.resolve("x/y").toString()))
                .hasMessage(file.resolve("x/y") + ": cannot be created: " + file + " is a file");
        assertThatThrownBy(() -> ExportTarget.folder("  ")).hasMessage("export folder: choose the folder to write into");
        assertThatThrownBy(() -> ExportTarget.folder("bad\0name")).hasMessageContaining("is not a valid path");
    }

    @Test
    void modelNamesArePlainFileNames() {
        assertThat(ExportTarget.name(" lenet-mipp ")).isEqualTo("lenet-mipp");
        for (String bad : new String[] {"", "..", "a/b", "a\\b", "c:d", "what?"}) {
            assertThatThrownBy(() -> ExportTarget.name(bad)).as(bad).isInstanceOf(BadInputException.class);
        }
    }
}
