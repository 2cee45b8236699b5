package dev.infoprune.cli;

import ai.djl.engine.Engine;
import dev.infoprune.engine.ComputeDevice;
import dev.infoprune.model.ModelFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DeviceOptionTest {
    @TempDir
    Path tmp;

    @AfterEach
    void backToCpu() {
        ComputeDevice.use(ComputeDevice.CPU);
    }

    private static String[] train(Path out, String... extra) {
        String[] base = {"train", "--arch", "mlp:8", "--data", "synthetic-blobs", "--epochs", "2", "--seed", "4",
                "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void deviceCpuGivesTheSameResultsAsNoOption() throws Exception {
        Path plain = tmp.resolve("plain");
        Path cpu = tmp.resolve("cpu");
        CliRun a = CliRun.of(train(plain));
        CliRun b = CliRun.of(train(cpu, "--device", "cpu"));
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(ModelFolder.read(cpu).sameWeightsAs(ModelFolder.read(plain))).isTrue();

        CliRun evalPlain = CliRun.of("evaluate", plain.toString(), "--data", "synthetic-blobs", "--json");
        CliRun evalCpu = CliRun.of("evaluate", plain.toString(), "--data", "synthetic-blobs", "--device", "CPU",
                "--json");
        assertThat(evalCpu.status()).as(evalCpu.err()).isZero();
        assertThat(evalCpu.json().path("loss").asDouble()).isEqualTo(evalPlain.json().path("loss").asDouble());
        assertThat(evalCpu.json().path("accuracy").asDouble()).isEqualTo(evalPlain.json().path("accuracy").asDouble());
    }

    @Test
    void aGpuWhereNoneIsVisibleIsOneClearMessageAndNothingWritten() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "a GPU is visible");
        Path out = tmp.resolve("gpu");
        CliRun run = CliRun.of(train(out, "--device", "gpu"));
        assertThat(run.status()).isEqualTo(InfoPruneCli.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("infoprune: --device gpu: no GPU is visible to the PyTorch engine "
                + "(DJL found 0); build with -Pcuda on a machine with CUDA and an NVIDIA driver (see docs/engine.md), "
                + "or use --device cpu");
        assertThat(out).doesNotExist();
        assertThat(ComputeDevice.current()).isEqualTo(ComputeDevice.CPU);
    }

    @Test
    void everyEngineCommandTakesTheOption() {
        for (String command : new String[] {"train", "evaluate", "predict", "prune", "compare", "scores", "mi", "info"}) {
            assertThat(InfoPruneCli.commandLine().getSubcommands().get(command).getCommandSpec().findOption("--device"))
                    .as(command).isNotNull();
        }
    }

    @Test
    void anUnknownDeviceIsBadInput() {
        CliRun run = CliRun.of("evaluate", tmp.toString(), "--data", "synthetic-blobs", "--device", "tpu");
        assertThat(run.status()).isEqualTo(InfoPruneCli.BAD_INPUT);
        assertThat(run.err()).contains("--device tpu: expected cpu, gpu or gpu:N");
    }
}
