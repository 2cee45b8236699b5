package dev.infoprune.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the engine computes: the CPU (the default) or one GPU by index. The choice is process-wide
 * ({@link #use}) because every engine entry point (training, inference, capture, gradients) loads its own network;
 * the CLI sets it once per command.
 */
public record ComputeDevice(boolean gpu, int index) {
    public static final ComputeDevice CPU = new ComputeDevice(false, 0);

    private static volatile ComputeDevice current = CPU;

    public ComputeDevice {
        if (index < 0) {
            throw new IllegalArgumentException("GPU index must be >= 0, got " + index);
        }
    }

    public static ComputeDevice gpu(int index) {
        return new ComputeDevice(true, index);
    }

    /** Reads {@code cpu}, {@code gpu} (GPU 0) or {@code gpu:N}. */
    public static ComputeDevice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("gpu")) {
            return gpu(0);
        }
        if (t.startsWith("gpu:") && t.length() > 4 && t.substring(4).chars().allMatch(Character::isDigit)
                && t.length() <= 13) {
            return gpu(Integer.parseInt(t.substring(4)));
        }
        throw new IllegalArgumentException("expected cpu, gpu or gpu:N (N = 0, 1, ...), got '" + text + "'");
    }

    /** Why this device cannot be used here, or empty when the PyTorch engine can compute on it. */
    public Optional<String> unavailableReason() {
        if (!gpu) {
            return Optional.empty();
        }
        int count = Engine.getEngine("PyTorch").getGpuCount();
        if (count == 0) {
            return Optional.of("no GPU is visible to the PyTorch engine (DJL found 0); build with -Pcuda on a machine "
                    + "with CUDA and an NVIDIA driver (see docs/engine.md), or use --device cpu");
        }
        if (index >= count) {
            return Optional.of("there is no GPU " + index + ": the PyTorch engine sees " + count
                    + (count == 1 ? " GPU (index 0)" : " GPUs (indices 0.." + (count - 1) + ")"));
        }
        return Optional.empty();
    }

    /** Makes {@code device} the one every later engine call computes on; refuses one that is not available. */
    public static void use(ComputeDevice device) {
        device.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        current = device;
    }

    /** The device engine calls compute on now ({@link #CPU} unless {@link #use} chose another). */
    public static ComputeDevice current() {
        return current;
    }

    Device toDjl() {
        return gpu ? Device.gpu(index) : Device.cpu();
    }

    @Override
    public String toString() {
        return gpu ? "gpu:" + index : "cpu";
    }
}
