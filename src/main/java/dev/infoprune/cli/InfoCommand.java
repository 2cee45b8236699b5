package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/** {@code infoprune info MODEL}: the layers of a model with their sizes and costs. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a model's layers: name, type, output shape, units, parameters and multiply-accumulates "
                + "(MACs), with totals.",
                "The FLOP count InfoPrune reports is the number of multiply-accumulates per sample of the dense and "
                        + "conv layers (one MAC is about two floating-point operations)."})
final class InfoCommand implements Runnable {
    static final String MACS_NOTE = "FLOPs are counted as multiply-accumulates (MACs) per sample of the dense and "
            + "conv layers; one MAC is about two floating-point operations.";

    @Mixin
    ModelArgument model;

    @Mixin
    Console console;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        Network n = model.load();
        PrintWriter out = console.out();
        if (console.json()) {
            JsonOutput.print(out, toJson(n));
            return;
        }
        out.println("Model " + n.name() + ": input " + Arrays.toString(n.inputShape()) + ", " + n.outputSize()
                + " outputs" + (n.classes().isEmpty() ? "" : " (" + String.join(", ", n.classes()) + ")"));
        out.println("Normalisation: " + describe(n.normalization()));
        if (n.isGraph()) {
            out.println("Graph: residual adds or concats (model.json version 2); pruned a dependency group at a time");
        }
        ModelCard card = n.card();
        if (!card.equals(ModelCard.EMPTY)) {
            out.println("Card: data set " + orDash(card.dataset()) + ", seed " + orDash(card.seed()) + ", epochs "
                    + orDash(card.epochs()) + ", test accuracy " + ModelSummary.accuracy(card.testAccuracy())
                    + (card.architecture() == null ? "" : ", architecture " + card.architecture())
                    + (card.notes() == null ? "" : "; " + card.notes()));
        }
        out.println();
        TextTable table = new TextTable("LAYER", "TYPE", "OUTPUT", "UNITS", "PARAMETERS", "MACS", "ROLE");
        int outputLayer = n.outputLayerIndex();
        for (int i = 0; i < n.layers().size(); i++) {
            Layer l = n.layer(i);
            table.row(l.name(), l.type(), Arrays.toString(n.outputShapeOf(i)), l.units() < 0 ? "-" : l.units(),
                    ModelSummary.count(l.parameterCount()), ModelSummary.count(l.macs(n.inputShapeOf(i))),
                    role(n, i, outputLayer));
        }
        table.row("total", "", "", n.hiddenUnitCount() + " hidden", ModelSummary.count(n.parameterCount()),
                ModelSummary.count(n.macs()), "");
        table.print(out);
        out.println(MACS_NOTE);
        out.flush();
    }

    /** Output or prunable; in a graph (not prunable yet) the layers a layer reads when not just the previous one. */
    private static String role(Network n, int index, int outputLayer) {
        if (index == outputLayer) {
            return "output";
        }
        if (n.isGraph()) {
            return n.inputs().get(index).isEmpty() ? "" : "reads " + String.join(", ", n.inputs().get(index));
        }
        return n.layer(index).isPrunable() ? "prunable" : "";
    }

    static ObjectNode toJson(Network n) {
        ObjectNode root = JsonOutput.object();
        root.put("name", n.name());
        ArrayNode in = root.putArray("inputShape");
        Arrays.stream(n.inputShape()).forEach(in::add);
        ArrayNode classes = root.putArray("classes");
        n.classes().forEach(classes::add);
        ObjectNode norm = root.putObject("normalization");
        norm.put("kind", n.normalization().isIdentity() ? "none" : n.normalization().mean().length == 1 ? "global" : "per-feature");
        ArrayNode mean = norm.putArray("mean");
        ArrayNode std = norm.putArray("std");
        for (int i = 0; i < n.normalization().mean().length; i++) {
            mean.add(n.normalization().mean()[i]);
            std.add(n.normalization().std()[i]);
        }
        root.set("card", JsonOutput.MAPPER.valueToTree(n.card()));
        ArrayNode layers = root.putArray("layers");
        int outputLayer = n.outputLayerIndex();
        for (int i = 0; i < n.layers().size(); i++) {
            Layer l = n.layer(i);
            ObjectNode o = layers.addObject();
            o.put("name", l.name());
            o.put("type", l.type());
            ArrayNode shape = o.putArray("outputShape");
            Arrays.stream(n.outputShapeOf(i)).forEach(shape::add);
            if (l.units() >= 0) {
                o.put("units", l.units());
            } else {
                o.putNull("units");
            }
            o.put("parameters", l.parameterCount());
            o.put("macs", l.macs(n.inputShapeOf(i)));
            o.put("prunable", l.isPrunable() && i != outputLayer && !n.isGraph());
            if (n.isGraph()) {
                ArrayNode inputs = o.putArray("inputs");
                for (int source : n.sourcesOf(i)) {
                    inputs.add(source < 0 ? Network.INPUT : n.layer(source).name());
                }
            }
            o.put("output", i == outputLayer);
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("parameters", n.parameterCount());
        totals.put("macs", n.macs());
        totals.put("hiddenUnits", n.hiddenUnitCount());
        root.put("flops", "macs");
        root.put("note", MACS_NOTE);
        return root;
    }

    private static String describe(Normalization norm) {
        if (norm.isIdentity()) {
            return "none";
        }
        if (norm.mean().length == 1) {
            return String.format(Locale.ROOT, "global, mean %.4g, std %.4g", norm.mean()[0], norm.std()[0]);
        }
        return "per feature (" + norm.mean().length + " means and standard deviations)";
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
