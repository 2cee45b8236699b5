package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.infoprune.model.NpzWeights;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain .npz writer in {@code model} writes what DJL's NumPy codec reads back as the same arrays. */
class NpzDjlCompatibilityTest {
    @Test
    void djlReadsEveryArrayWithItsNameShapeAndValues() throws Exception {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("fc1.weight", new Tensor(new int[] {3, 2}, new float[] {1, -2, 3.5f, 0, 1e-7f, -1e7f}));
        arrays.put("fc1.bias", new Tensor(new int[] {3}, new float[] {0.25f, -0.5f, 7}));
        arrays.put("conv.weight", Tensor.filled(0.125f, 2, 1, 3, 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpzWeights.write(arrays, out);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList list = NDList.decode(manager, out.toByteArray());
            assertThat(list).hasSize(3);
            int i = 0;
            for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
                NDArray a = list.get(i++);
                assertThat(a.getName()).isEqualTo(e.getKey());
                assertThat(a.getShape().getShape()).containsExactly(java.util.Arrays.stream(e.getValue().shape()).asLongStream().toArray());
                assertThat(a.toFloatArray()).containsExactly(e.getValue().data());
            }
        }
        assertThat(NpzWeights.read(out.toByteArray(), "written")).isEqualTo(arrays);
    }
}
