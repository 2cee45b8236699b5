package dev.infoprune.model.onnx;

import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.Surgery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Every bundled sample model, and a pruned version of each, exports to ONNX that ONNX Runtime runs like DJL. */
class SampleModelOnnxTest {
    @Test
    void everySampleModelAndAPrunedVersionRoundTripThroughOnnx() {
        List<String> names = SampleModels.names();
        Assumptions.assumeFalse(names.isEmpty(), "no sample models are bundled yet");
        for (String name : names) {
            Network net = SampleModels.load(name);
            OnnxEngineAgreementTest.assertEngineAndOnnxRuntimeAgree(net);
            OnnxEngineAgreementTest.assertEngineAndOnnxRuntimeAgree(Surgery.apply(net, OnnxEngineAgreementTest.randomPlan(net, 7)));
        }
    }
}
