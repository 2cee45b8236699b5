package dev.infoprune.fuzz;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.infoprune.core.BadInputException;
import dev.infoprune.data.CsvReader;
import dev.infoprune.data.IdxReader;
import dev.infoprune.model.NpzWeights;
import dev.infoprune.model.onnx.OnnxImport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the fuzz targets found (each crashed a reader with something other than a clear message), kept as tests. */
class FuzzFindingsTest {
    @Test
    void idxDimensionsWhoseProductOverflowsALongAreRefused() {
        byte[] header = ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(Integer.MAX_VALUE)
                .putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(header), "images"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("images: the IDX header announces 2147483647 images of 2147483647x2147483647 (more than 2^63 bytes); "
                        + "InfoPrune reads at most 1073741824 bytes of pixels");
    }

    @Test
    void aCsvHeaderNarrowerThanItsRowsIsRefused() {
        byte[] csv = "a,b\n1,2,3\n4,5,6\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvReader.readRows(new ByteArrayInputStream(csv), "x.csv"))
                .isInstanceOf(BadInputException.class).hasMessage("x.csv: the header names 2 columns but line 2 has 3 cells");
        assertThatThrownBy(() -> CsvReader.read(new ByteArrayInputStream(csv), "x.csv", "x", CsvReader.Options.DEFAULT))
                .hasMessage("x.csv: the header names 2 columns but line 2 has 3 cells");
    }

    @Test
    void aZipEntryNameThatIsNotUtf8IsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("ab.npy"));
            zip.write(Seeds.of("npz").get(0), 0, 10);
            zip.closeEntry();
        }
        byte[] z = bytes.toByteArray();
        for (int i = 0; i + 1 < z.length; i++) { // in the local header and in the central directory
            if (z[i] == 'a' && z[i + 1] == 'b') {
                z[i] = (byte) 0xC3;
                z[i + 1] = (byte) 0x28;
            }
        }
        assertThatThrownBy(() -> NpzWeights.read(z, "bad-name.npz")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("bad-name.npz: not a readable NumPy .npz archive (truncated or corrupt: an entry name is not valid UTF-8");
    }

    @Test
    void anOnnxNodeWithoutOutputsIsRefused() throws Exception {
        ModelProto m = ModelProto.parseFrom(Seeds.read("onnx", "mlp_op17.onnx"));
        var g = m.getGraph().toBuilder();
        g.setNode(0, g.getNode(0).toBuilder().clearOutput());
        byte[] broken = m.toBuilder().setGraph(g).build().toByteArray();
        assertThatThrownBy(() -> OnnxImport.fromBytes(broken, "broken.onnx", "broken")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("broken.onnx: ");
    }
}
