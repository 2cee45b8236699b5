package dev.infoprune.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a reader, or a process killed at any moment, finds at the target either what
 * was there before (or nothing, when nothing was) or the complete new content, never a part of it:
 * <ul>
 *   <li>a file is written to a temporary sibling and renamed over the target (one atomic rename);</li>
 *   <li>a folder is filled in a temporary sibling, renamed to {@code .NAME.new}; only then is an existing target
 *   renamed to {@code .NAME.old}, the new folder renamed into place and the old one deleted. A process that dies
 *   between those two renames leaves the target absent with {@code .NAME.old} beside it: {@link #recover} (run by
 *   the next write to the same place, and by readers that find the target missing) puts the old folder back;</li>
 *   <li>temporary siblings ({@code .NAME.tmp-…}) left by killed runs are deleted by the next write to the place;</li>
 *   <li>what is written gets ordinary permissions (the process's umask, e.g. 0644 files and 0755 folders), not the
 *   0600/0700 of Java's temporary files.</li>
 * </ul>
 * The sibling names use the target's name, shortened with a hash when it is long, so they stay valid file names.
 */
public final class AtomicFiles {
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old";
    private static final String NEW = ".new";
    /** Temporary siblings this process is writing right now: never cleaned as leftovers. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface FolderWriter {
        void fill(Path folder) throws IOException;
    }

    public static void writeFile(Path target, StreamWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        recover(abs);
        Path tmp = fresh(abs, false);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            moveReplacing(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
            LIVE.remove(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        writeFile(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Fills a fresh temporary folder and then puts it in place of {@code target}; an existing target is
     * moved aside only after the new folder is complete.
     */
    public static void writeFolder(Path target, FolderWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        recover(abs);
        Path tmp = fresh(abs, true);
        Path ready = sibling(abs, NEW);
        Path old = sibling(abs, OLD);
        LIVE.add(ready);
        LIVE.add(old);
        try {
            writer.fill(tmp);
            Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(ready, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(ready, abs, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            try {
                deleteTree(tmp);
                deleteTree(ready);
            } finally {
                LIVE.remove(tmp);
                LIVE.remove(ready);
                LIVE.remove(old);
            }
        }
    }

    /**
     * Repairs what a killed write may have left at {@code target}: puts back a previous folder that was moved aside
     * ({@code .NAME.old}) when the target is missing, and deletes the temporary siblings no write of this process
     * is using. Returns true when it put a previous folder back.
     */
    public static boolean recover(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        boolean restored = false;
        Path old = sibling(abs, OLD);
        if (!LIVE.contains(old) && Files.exists(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
                restored = true;
            } else {
                deleteTree(old);
            }
        }
        for (Path leftover : leftovers(abs)) {
            deleteTree(leftover);
        }
        return restored;
    }

    /** The temporary siblings of {@code target} that no write of this process is using (litter of killed runs). */
    public static List<Path> leftovers(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        String stem = stem(abs);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(abs.getParent(), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(stem + TMP) || n.equals(stem + NEW);
        })) {
            for (Path p : siblings) {
                if (!LIVE.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A new empty file or folder {@code .NAME.tmp-RANDOM} beside the target, with ordinary permissions. */
    private static Path fresh(Path abs, boolean folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = sibling(abs, TMP + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
            LIVE.add(p);
            try {
                return folder ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(p);
                if (attempt > 20) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                LIVE.remove(p);
                throw e;
            }
        }
    }

    private static Path sibling(Path abs, String suffix) {
        return abs.resolveSibling(stem(abs) + suffix);
    }

    /** {@code .NAME}, or for a long name its first 100 characters and a hash of the whole. */
    private static String stem(Path abs) {
        String name = abs.getFileName().toString();
        if (name.length() > 100) {
            name = name.substring(0, 100) + "~" + String.format(Locale.ROOT, "%08x", name.hashCode());
        }
        return "." + name;
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
