package dev.infoprune.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outputs are whole or absent, killed runs leave nothing behind for long, and permissions are ordinary. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new java.util.TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static void fill(Path folder, String text) throws IOException {
        Files.writeString(folder.resolve("a.txt"), text);
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/b.txt"), text);
    }

    @Test
    void filesAndFoldersGetTheSamePermissionsAsAnyOtherNewFileThere() throws Exception {
        Set<PosixFilePermission> plainFile = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain.txt")));
        Set<PosixFilePermission> plainDir = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("plain")));
        assertThat(plainFile).contains(PosixFilePermission.GROUP_READ); // the umask lets others read: 0600 would differ
        AtomicFiles.writeString(tmp.resolve("file.txt"), "x");
        AtomicFiles.writeFolder(tmp.resolve("folder"), f -> fill(f, "x"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("file.txt"))).isEqualTo(plainFile);
        assertThat(Files.getPosixFilePermissions(tmp.resolve("folder"))).isEqualTo(plainDir);
        assertThat(Files.getPosixFilePermissions(tmp.resolve("folder/a.txt"))).isEqualTo(plainFile);
    }

    @Test
    void aFailedFolderWriteLeavesThePreviousFolderAndNoLitter() throws Exception {
        Path target = tmp.resolve("out");
        AtomicFiles.writeFolder(target, f -> fill(f, "old"));
        assertThatThrownBy(() -> AtomicFiles.writeFolder(target, f -> {
            fill(f, "new");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target.resolve("sub/b.txt"))).isEqualTo("old");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void aPreviousFolderMovedAsideByAKilledSwapIsPutBackAndLitterIsCleanedByTheNextWrite() throws Exception {
        Path target = tmp.resolve("out");
        AtomicFiles.writeFolder(target, f -> fill(f, "old"));
        // what a kill between "move the old folder aside" and "move the new one in" leaves behind
        Files.move(target, tmp.resolve(".out.old"));
        Path complete = Files.createDirectory(tmp.resolve(".out.new"));
        fill(complete, "new");
        Files.createDirectory(tmp.resolve(".out.tmp-1234abcd"));
        Files.writeString(tmp.resolve(".out.tmp-1234abcd/half.txt"), "half");
        Files.writeString(tmp.resolve(".other.tmp-1"), "not ours");

        assertThat(AtomicFiles.recover(target)).isTrue();
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("old");
        assertThat(names(tmp)).containsExactly(".other.tmp-1", "out");

        Files.createDirectory(tmp.resolve(".out.tmp-feed"));
        AtomicFiles.writeFolder(target, f -> fill(f, "newer"));
        assertThat(Files.readString(target.resolve("sub/b.txt"))).isEqualTo("newer");
        assertThat(names(tmp)).containsExactly(".other.tmp-1", "out");
        Files.writeString(tmp.resolve(".f.txt.tmp-99"), "killed");
        AtomicFiles.writeString(tmp.resolve("f.txt"), "whole");
        assertThat(names(tmp)).containsExactly(".other.tmp-1", "f.txt", "out");
    }

    @Test
    void aVeryLongNameStillGetsValidTemporarySiblings() throws Exception {
        Path target = tmp.resolve("m".repeat(240));
        AtomicFiles.writeFolder(target, f -> fill(f, "x"));
        AtomicFiles.writeFolder(target, f -> fill(f, "y"));
        AtomicFiles.writeString(tmp.resolve("f".repeat(250)), "z");
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("y");
        assertThat(names(tmp)).hasSize(2);
    }
}
