package dev.infoprune.model;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .npz reader decodes by each array's own header and refuses values and sizes it cannot hold. */
class NpzWeightsTest {
    @TempDir
    Path tmp;

    private static Map<String, Tensor> fixture(String name) throws Exception {
        try (InputStream in = NpzWeightsTest.class.getResourceAsStream("/npz/" + name)) {
            return NpzWeights.read(in, name);
        }
    }

    @Test
    void numpyBigEndianIntegerAndFortranArraysReadAsTheirValues() throws Exception {
        Map<String, Tensor> w = fixture("big_endian.npz");
        assertThat(w.get("be_f4")).isEqualTo(new Tensor(new int[] {2, 3}, new float[] {0f, 0.5f, 1f, 1.5f, 2f, 2.5f}));
        assertThat(w.get("be_f8")).isEqualTo(new Tensor(new int[] {3}, new float[] {1.25f, -2.5f, 3e-5f}));
        assertThat(w.get("le_i8").data()).containsExactly(-3f, 0f, 7f);
        assertThat(w.get("fortran")).isEqualTo(new Tensor(new int[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5}));
        assertThat(w.get("u1").data()).containsExactly(0f, 255f);
    }

    @Test
    void aModelSavedBigEndianHasTheSameWeightsAsItsLittleEndianOriginal() throws Exception {
        Network net = RandomNetworks.mlp(3, 5, 4, 3, 2);
        for (String descr : new String[] {">f4", ">f8", "<f8"}) {
            Path dir = tmp.resolve("m" + descr.replace('>', 'b').replace('<', 'l'));
            ModelFolder.write(net, dir);
            Files.write(dir.resolve("weights.npz"), NpzFiles.weights(ModelFolder.weightsOf(net), descr));
            assertThat(ModelFolder.read(dir).sameWeightsAs(net)).as(descr).isTrue();
        }
    }

    private Path npz(String name, byte[] bytes) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] one(String array, byte[] npy) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(array, npy);
        return NpzFiles.zip(m, false);
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheArrayAndIndex() throws Exception {
        Path nan = npz("nan.npz", one("fc1.weight", NpzFiles.npy("<f4", false, "(3,)",
                NpzFiles.floats(ByteOrder.LITTLE_ENDIAN, 1f, Float.NaN, 2f))));
        assertThatThrownBy(() -> NpzWeights.read(nan)).isInstanceOf(BadInputException.class)
                .hasMessage(nan + ": array fc1.weight holds NaN at index 1 (weights must be finite numbers)");
        Path inf = npz("inf.npz", one("b", NpzFiles.npy("<f4", false, "(2,)",
                NpzFiles.floats(ByteOrder.LITTLE_ENDIAN, 1f, Float.NEGATIVE_INFINITY))));
        assertThatThrownBy(() -> NpzWeights.read(inf)).hasMessage(inf + ": array b holds -Infinity at index 1 (weights must be finite numbers)");
        Path huge = npz("huge.npz", one("b", NpzFiles.npy("<f8", false, "(1,)",
                java.nio.ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(1e300).array())));
        assertThatThrownBy(() -> NpzWeights.read(huge)).hasMessage(huge
                + ": array b holds 1.0E300 at index 0, beyond the float32 range (weights must be finite float32 numbers)");
        assertThatThrownBy(() -> fixture("compressed_nan.npz"))
                .hasMessage("compressed_nan.npz: array w holds NaN at index 1 (weights must be finite numbers)");
    }

    @Test
    void declaredSizesAreCheckedBeforeAnythingIsAllocated() throws Exception {
        Path gigabytes = npz("gigabytes.npz", one("w", NpzFiles.npy("<f4", false, "(50000, 50000)", new byte[16])));
        assertThatThrownBy(() -> NpzWeights.read(gigabytes)).hasMessage(gigabytes
                + ": array w declares shape [50000, 50000], more than the 268435456 values InfoPrune reads in one array");
        Path overflow = npz("overflow.npz", one("w", NpzFiles.npy("<f4", false, "(4294967296, 1)", new byte[16])));
        assertThatThrownBy(() -> NpzWeights.read(overflow)).hasMessage(overflow
                + ": array w declares a dimension of 4294967296 (at most 268435456)");
        Path lying = npz("lying.npz", one("w", NpzFiles.npy("<f4", false, "(1000,)", new byte[16])));
        assertThatThrownBy(() -> NpzWeights.read(lying)).hasMessage(lying
                + ": array w declares shape [1000] of '<f4' (4000 bytes) but holds 16 bytes of data");
        Path type = npz("type.npz", one("w", NpzFiles.npy("<c8", false, "(2,)", new byte[16])));
        assertThatThrownBy(() -> NpzWeights.read(type)).hasMessageStartingWith(type + ": array w has dtype '<c8'");
    }

    @Test
    void aTruncatedOrInconsistentCentralDirectoryIsRefused() throws Exception {
        byte[] whole = NpzFiles.weights(ModelFolder.weightsOf(RandomNetworks.mlp(1, 3, 2, 2, 2)), "<f4");
        // cut inside the central directory: every local entry is still complete, as ZipInputStream alone would accept
        Path cut = npz("cut.npz", Arrays.copyOf(whole, whole.length - 30));
        assertThatThrownBy(() -> NpzWeights.read(cut)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(cut + ": not a readable NumPy .npz archive (truncated or corrupt: ")
                .hasMessageContaining("central directory");
        byte[] fewer = whole.clone();
        int eocd = whole.length - 22;
        fewer[eocd + 10] = (byte) (fewer[eocd + 10] - 1); // the end record declares one entry fewer than there are
        fewer[eocd + 8] = fewer[eocd + 10];
        Path f = npz("fewer.npz", fewer);
        assertThatThrownBy(() -> NpzWeights.read(f)).hasMessageStartingWith(f + ": not a readable NumPy .npz archive");
    }
}
