package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetFitTest {
    private static Dataset data(int[] shape, int n, List<String> classes) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] f = new float[n * size];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes.size();
        }
        return new Dataset("toy", shape, f, labels, classes);
    }

    @Test
    void matchingInputsPassUnchanged() {
        Network mlp = RandomNetworks.mlp(1, 4, 5, 5, 3);
        Dataset d = data(new int[] {4}, 6, RandomNetworks.classes(3));
        assertThat(DatasetFit.fit(d, mlp)).isSameAs(d);
    }

    @Test
    void inputsOfTheRightSizeTakeTheModelsShape() {
        Network cnn = RandomNetworks.cnn(1, 1, 8, 8, 10);
        Dataset digitsLike = data(new int[] {64}, 5, RandomNetworks.classes(10));
        Dataset fitted = DatasetFit.fit(digitsLike, cnn);
        assertThat(fitted.inputShape()).containsExactly(1, 8, 8);
        assertThat(fitted.features()).isSameAs(digitsLike.features());
    }

    @Test
    void inputsOfAnotherSizeAreAClearError() {
        Network mlp = RandomNetworks.mlp(1, 64, 5, 5, 3).withName("mlp-digits");
        Dataset iris = BundledDatasets.load("iris").pool();
        assertThatThrownBy(() -> DatasetFit.fit(iris, mlp))
                .isInstanceOf(BadInputException.class)
                .hasMessage("iris: the data set has inputs of shape [4] but model mlp-digits expects [64]");
    }

    @Test
    void moreClassesThanOutputsIsAClearError() {
        Network mlp = new Network("small", new int[] {4}, List.of(), RandomNetworks.mlp(1, 4, 5, 5, 2).layers(),
                Normalization.IDENTITY, ModelCard.EMPTY);
        Dataset d = data(new int[] {4}, 6, RandomNetworks.classes(3));
        assertThatThrownBy(() -> DatasetFit.fit(d, mlp))
                .isInstanceOf(BadInputException.class)
                .hasMessage("toy: the data set has 3 classes but model small has 2 outputs");
    }

    @Test
    void classNamesAreRenumberedToTheModelsOrder() {
        Network mlp = RandomNetworks.mlp(1, 2, 5, 5, 3); // classes c0, c1, c2
        Dataset d = new Dataset("named", new int[] {2}, new float[] {1, 2, 3, 4}, new int[] {0, 1}, List.of("c2", "c0"));
        Dataset fitted = DatasetFit.fit(d, mlp);
        assertThat(fitted.labels()).containsExactly(2, 0);
        assertThat(fitted.classes()).containsExactly("c0", "c1", "c2");
    }
}
