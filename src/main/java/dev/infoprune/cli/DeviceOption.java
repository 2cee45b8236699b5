package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.engine.ComputeDevice;
import picocli.CommandLine.Option;

/** {@code --device cpu|gpu|gpu:N}: where the engine trains, fine-tunes, captures and scores. */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE", description = "cpu, gpu (the first GPU) "
            + "or gpu:N; a GPU needs the CUDA build (mvn -Pcuda, see docs/engine.md) (default ${DEFAULT-VALUE}).")
    String device;

    /** Chooses the device for the rest of the command; call it before anything is read or written. */
    void apply() {
        ComputeDevice chosen;
        try {
            chosen = ComputeDevice.parse(device);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--device " + device, e.getMessage());
        }
        chosen.unavailableReason().ifPresent(reason -> {
            throw new BadInputException("--device " + device, reason);
        });
        ComputeDevice.use(chosen);
    }
}
