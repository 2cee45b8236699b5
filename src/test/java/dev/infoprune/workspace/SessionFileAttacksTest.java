package dev.infoprune.workspace;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.NpzFiles;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session files built to hurt: each is one {@link BadInputException} naming the file, never a crash. */
class SessionFileAttacksTest {
    @TempDir
    Path tmp;

    private final Network network = RandomNetworks.mlp(2, 6, 5, 4, 3);

    private Path embeddedSession() throws Exception {
        Session s = new Session(ModelSource.embedded("test"), network, null, null, List.of(), null, null, List.of(), 0);
        Path file = tmp.resolve("s" + SessionFiles.EXTENSION);
        SessionFiles.write(s, file);
        return file;
    }

    private static Map<String, byte[]> entries(Path file) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Path f = tmp.resolve(name);
        Files.write(f, bytes.toByteArray());
        return f;
    }

    @Test
    void anEmbeddedModelWithBigEndianWeightsReadsItsTrueValues() throws Exception {
        Map<String, byte[]> e = entries(embeddedSession());
        e.put(SessionFiles.WEIGHTS_NPZ, NpzFiles.weights(ModelFolder.weightsOf(network), ">f4"));
        Path file = zip("be" + SessionFiles.EXTENSION, e);
        assertThat(SessionFiles.read(file).embedded().sameWeightsAs(network)).isTrue();
    }

    @Test
    void deeplyNestedJsonIsAMessage() throws Exception {
        Map<String, byte[]> e = entries(embeddedSession());
        e.put(SessionFiles.SESSION_JSON, "[".repeat(100_000).getBytes());
        Path file = zip("deep" + SessionFiles.EXTENSION, e);
        assertThatThrownBy(() -> SessionFiles.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": session.json is not valid JSON (")
                .hasMessageContaining("nesting depth");
        Map<String, byte[]> m = entries(embeddedSession());
        m.put(SessionFiles.MODEL_JSON, "{\"a\":".repeat(50_000).getBytes());
        Path model = zip("deep-model" + SessionFiles.EXTENSION, m);
        assertThatThrownBy(() -> SessionFiles.read(model)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(model + "!" + SessionFiles.MODEL_JSON + ": not valid JSON (");
    }

    @Test
    void anEntryDeclaringGigabytesIsRefusedBeforeItIsRead() throws Exception {
        Path file = embeddedSession();
        byte[] bytes = Files.readAllBytes(file);
        // the central directory's uncompressed size of the first entry becomes 2.3 GB
        int cd = ByteBuffer.wrap(bytes, bytes.length - 22 + 16, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(cd + 24, (int) 2_300_000_000L);
        Path big = tmp.resolve("big" + SessionFiles.EXTENSION);
        Files.write(big, bytes);
        assertThatThrownBy(() -> SessionFiles.read(big)).isInstanceOf(BadInputException.class)
                .hasMessage(big + ": entry session.json declares 2300000000 bytes; InfoPrune reads entries of at most 1073741824 bytes");
    }

    @Test
    void aTruncatedCentralDirectoryIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(embeddedSession());
        Path cut = tmp.resolve("cut" + SessionFiles.EXTENSION);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 30));
        assertThat(entries(cut)).containsKey(SessionFiles.SESSION_JSON); // a plain ZipInputStream still reads it all
        assertThatThrownBy(() -> SessionFiles.read(cut)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(cut + ": is not a complete session file (");
    }
}
