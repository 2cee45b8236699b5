package dev.infoprune.engine;

import ai.djl.pytorch.jni.JniUtils;

import java.util.function.Supplier;

/**
 * PyTorch records autograd graphs per thread unless told not to. Inference and weight loading run with
 * recording off (no graph memory, and in-place writes to parameters are allowed); training turns it on through
 * DJL's gradient collector.
 */
final class GradMode {
    static {
        // loads the PyTorch native library before JniUtils is touched
        ai.djl.engine.Engine.getEngine("PyTorch");
    }

    private GradMode() {
    }

    static void withoutGradients(Runnable work) {
        withoutGradients(() -> {
            work.run();
            return null;
        });
    }

    static <T> T withoutGradients(Supplier<T> work) {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
