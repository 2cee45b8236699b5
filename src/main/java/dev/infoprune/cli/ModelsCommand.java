package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** {@code infoprune models}: the bundled sample models with their cards. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the bundled sample models with their model cards (data set, test accuracy, widths, "
                + "parameters, multiply-accumulates). Use a name wherever a MODEL is asked for.")
final class ModelsCommand implements Runnable {
    @Mixin
    Console console;

    @Override
    public void run() {
        PrintWriter out = console.out();
        List<String> names = SampleModels.names();
        if (console.json()) {
            ObjectNode root = JsonOutput.object();
            ArrayNode list = root.putArray("models");
            for (String name : names) {
                Network n = SampleModels.load(name);
                ModelCard card = n.card();
                ObjectNode m = list.addObject();
                m.put("name", name);
                m.put("dataset", card.dataset());
                m.put("testAccuracy", card.testAccuracy());
                m.put("testLoss", card.testLoss());
                m.put("seed", card.seed());
                m.put("epochs", card.epochs());
                m.put("architecture", card.architecture());
                ArrayNode shape = m.putArray("inputShape");
                Arrays.stream(n.inputShape()).forEach(shape::add);
                ArrayNode widths = m.putArray("widths");
                Arrays.stream(n.unitLayerWidths()).forEach(widths::add);
                m.put("parameters", n.parameterCount());
                m.put("macs", n.macs());
            }
            JsonOutput.print(out, root);
            return;
        }
        if (names.isEmpty()) {
            out.println("No sample models are bundled in this build.");
            out.flush();
            return;
        }
        TextTable table = new TextTable("NAME", "DATA SET", "TEST ACCURACY", "WIDTHS", "PARAMETERS", "MACS");
        for (String name : names) {
            Network n = SampleModels.load(name);
            table.row(name, n.card().dataset() == null ? "-" : n.card().dataset(),
                    ModelSummary.accuracy(n.card().testAccuracy()), ModelSummary.widths(n),
                    ModelSummary.count(n.parameterCount()), ModelSummary.count(n.macs()));
        }
        table.print(out);
        out.println("MACS: multiply-accumulates per sample (dense and conv layers); FLOPs are about twice that.");
        out.flush();
    }
}
