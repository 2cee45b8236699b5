package dev.infoprune.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningPlan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison as the JSON document of {@code results.json} (format {@code infoprune-comparison}, version 1), and
 * back: {@code read(write(r))} equals {@code r}. Derived numbers (sparsity, kept units, collapsed flags, ratios) are
 * written for readers of the file and recomputed when reading. A document that is not a comparison, or lacks a
 * field the result needs, is a {@link BadInputException} naming the source and the field.
 */
public final class ExperimentResultJson {
    public static final String FORMAT = "infoprune-comparison";
    public static final int VERSION = 1;

    private ExperimentResultJson() {
    }

    public static ObjectNode write(ExperimentResult r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.put("model", r.model()).put("dataset", r.dataset()).put("mode", r.mode().name().toLowerCase(Locale.ROOT));
        if (r.origin() != null) {
            root.putObject("data").put("spec", r.origin().data()).put("splitSeed", r.origin().splitSeed());
        }
        root.put("seed", r.seed()).put("fineTuneEpochs", r.fineTuneEpochs()).put("learningRate", r.learningRate());
        root.put("seeds", r.seeds());
        root.put("atInit", r.atInit());
        root.put("informationMeasure", InformationPreserved.describe(r.testSamples()));
        root.put("lrSchedule", r.fineTuning().scheduleName()).put("fineTuneEpochsFrom", r.fineTuning().sourceName());
        root.put("probeSamples", r.probeSamples()).put("trainSamples", r.trainSamples()).put("testSamples", r.testSamples());
        root.put("seconds", r.seconds());
        ObjectNode base = root.putObject("unpruned");
        base.put("parameters", r.parameters()).put("macs", r.macs());
        evaluation(base.putObject("test"), r.baseline());
        ArrayNode layers = base.putArray("layers");
        for (int i = 0; i < r.hiddenLayers().size(); i++) {
            layers.addObject().put("layer", r.hiddenLayers().get(i)).put("units", r.hiddenWidths()[i]);
        }
        ArrayNode results = root.putArray("results");
        for (MethodResult m : r.results()) {
            method(results.addObject(), m);
        }
        if (r.seeds() > 1) {
            ArrayNode summary = root.putArray("summary");
            for (SeedSummary s : r.summaries()) {
                summary(summary.addObject(), s);
            }
        }
        if (CollapseFrequency.worthShowing(r)) {
            ArrayNode collapse = root.putArray("collapse");
            CollapseFrequency.of(r).bins().forEach(b -> collapse(collapse.addObject(), b));
        }
        return root;
    }

    /** One method's runs in one sparsity bin and how many collapsed a layer; derived, so not read back. */
    private static void collapse(ObjectNode o, CollapseFrequency.Bin b) {
        o.put("method", b.method()).put("from", b.from()).put("to", b.to()).put("runs", b.runs())
                .put("collapsed", b.collapsed()).put("share", b.share());
        ObjectNode layers = o.putObject("perLayer");
        b.perLayer().forEach(layers::put);
    }

    /** Mean and standard deviation over the seeds, and every seed's value; derived, so not read back. */
    private static void summary(ObjectNode o, SeedSummary s) {
        o.put("method", s.method()).put("setting", s.setting()).put("runs", s.runs().size());
        ArrayNode seeds = o.putArray("seeds");
        s.runs().forEach(m -> seeds.add(m.seed()));
        spread(o.putObject("sparsity"), s.sparsity(), s.runs().stream().mapToDouble(MethodResult::sparsity).toArray());
        spread(o.putObject("accuracyBefore"), s.accuracyBefore(),
                s.runs().stream().mapToDouble(m -> m.beforeFineTuning().accuracy()).toArray());
        spread(o.putObject("accuracyAfter"), s.accuracyAfter(),
                s.runs().stream().mapToDouble(m -> m.afterFineTuning().accuracy()).toArray());
    }

    private static void spread(ObjectNode o, SeedSummary.Spread s, double[] values) {
        o.put("mean", s.mean()).put("sd", s.sd());
        ArrayNode each = o.putArray("perSeed");
        for (double v : values) {
            each.add(v);
        }
    }

    private static void method(ObjectNode o, MethodResult m) {
        o.put("method", m.method()).put("setting", m.setting()).put("seed", m.seed());
        if (!Double.isNaN(m.targetSparsity())) {
            o.put("targetSparsity", m.targetSparsity());
        }
        o.put("sparsity", m.sparsity()).put("keptUnits", m.widths().hiddenAfter())
                .put("parameters", m.parameters()).put("macs", m.macs());
        evaluation(o.putObject("beforeFineTuning"), m.beforeFineTuning());
        evaluation(o.putObject("afterFineTuning"), m.afterFineTuning());
        ArrayNode widths = o.putArray("layers");
        for (int i = 0; i < m.widths().layers().size(); i++) {
            PlanSummary.LayerWidth w = m.widths().layers().get(i);
            LayerInformation info = m.information().get(i);
            ObjectNode l = widths.addObject().put("layer", w.layer()).put("before", w.before()).put("after", w.after())
                    .put("collapsed", w.after() <= 1).put("next", info.next())
                    .put("informationEstimator", info.estimator())
                    .put("informationPreserved", info.preserved()).put("informationFull", info.full());
            if (!Double.isNaN(info.ratio())) {
                l.put("informationRatio", info.ratio());
            }
        }
        ArrayNode collapsed = o.putArray("collapsedLayers");
        m.collapsedLayers().forEach(collapsed::add);
        ObjectNode plan = o.putObject("plan");
        plan.put("method", m.plan().method()).put("seed", m.plan().seed());
        plan.set("settings", ReportWriter.MAPPER.valueToTree(m.plan().settings()));
        ObjectNode kept = plan.putObject("kept");
        m.plan().kept().forEach((layer, idx) -> {
            ArrayNode a = kept.putArray(layer);
            for (int i : idx) {
                a.add(i);
            }
        });
        o.put("planSeconds", m.planSeconds()).put("fineTuneSeconds", m.fineTuneSeconds());
    }

    private static void evaluation(ObjectNode o, Evaluation e) {
        o.put("samples", e.samples()).put("accuracy", e.accuracy()).put("loss", e.loss());
    }

    /** Reads a {@code results.json} document; {@code source} names it in messages (a file, "session comparison 2"). */
    public static ExperimentResult read(JsonNode root, String source) {
        Reader in = new Reader(source);
        if (root == null || !root.isObject()) {
            throw new BadInputException(source, "a comparison must be a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(source, "not a comparison (\"format\" is not \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new BadInputException(source, "unsupported comparison version " + root.path("version"));
        }
        ExperimentSpec.Mode mode;
        try {
            mode = ExperimentSpec.Mode.valueOf(in.text(root, "mode").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, "mode must be match, fixed or sweep, got " + root.path("mode"));
        }
        JsonNode base = in.object(root, "unpruned");
        List<String> hidden = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (JsonNode l : in.array(base, "layers")) {
            hidden.add(in.text(l, "layer"));
            widths.add(in.integer(l, "units"));
        }
        JsonNode data = root.get("data");
        SplitOrigin origin = data == null || data.isNull() ? null
                : new SplitOrigin(in.text(data, "spec"), in.whole(data, "splitSeed"));
        List<MethodResult> results = new ArrayList<>();
        long seed = in.whole(root, "seed");
        int i = 0;
        for (JsonNode m : in.array(root, "results")) {
            results.add(in.method(m, "results[" + i++ + "]", seed));
        }
        // files written before seeds were recorded ran one seed
        int seeds = root.has("seeds") ? in.integer(root, "seeds") : 1;
        if (seeds < 1) {
            throw new BadInputException(source, "\"seeds\" must be at least 1, got " + seeds);
        }
        return new ExperimentResult(in.text(root, "model"), in.text(root, "dataset"), mode, hidden,
                widths.stream().mapToInt(Integer::intValue).toArray(), in.whole(base, "parameters"), in.whole(base, "macs"),
                in.evaluation(base, "test"), in.integer(root, "probeSamples"), in.integer(root, "trainSamples"),
                in.integer(root, "testSamples"), in.budget(root), seed, seeds, atInit(root), origin, results,
                in.number(root, "seconds"));
    }

    /** Whether the comparison pruned at initialisation; files written before it could not did not. */
    private static boolean atInit(JsonNode root) {
        return root.has("atInit") && root.get("atInit").asBoolean(false);
    }

    /** Field access that names what is missing or wrong. */
    private record Reader(String source) {
        /** The fine-tuning budget; a file written before schedules and sources were recorded had a constant rate. */
        FineTuningBudget budget(JsonNode root) {
            int epochs = integer(root, "fineTuneEpochs");
            double lr = number(root, "learningRate");
            if (!root.has("lrSchedule") && !root.has("fineTuneEpochsFrom")) {
                return FineTuningBudget.unrecorded(epochs, lr);
            }
            try {
                return new FineTuningBudget(epochs, lr, FineTuningBudget.schedule(text(root, "lrSchedule")),
                        FineTuningBudget.source(text(root, "fineTuneEpochsFrom")));
            } catch (IllegalArgumentException e) {
                throw bad("lrSchedule is cosine or constant, fineTuneEpochsFrom card, given, default or unrecorded");
            }
        }

        MethodResult method(JsonNode m, String where, long comparisonSeed) {
            Reader at = new Reader(source + " " + where);
            List<PlanSummary.LayerWidth> widths = new ArrayList<>();
            List<LayerInformation> information = new ArrayList<>();
            int before = 0;
            int after = 0;
            for (JsonNode l : at.array(m, "layers")) {
                String layer = at.text(l, "layer");
                PlanSummary.LayerWidth w = new PlanSummary.LayerWidth(layer, at.integer(l, "before"), at.integer(l, "after"));
                widths.add(w);
                before += w.before();
                after += w.after();
                // files before the independent measure (Gaussian on the probe split) wrote nats
                information.add(l.has("informationPreserved")
                        ? new LayerInformation(layer, at.text(l, "next"), at.number(l, "informationPreserved"),
                        at.number(l, "informationFull"), at.text(l, "informationEstimator"))
                        : new LayerInformation(layer, at.text(l, "next"), at.number(l, "informationPreservedNats"),
                        at.number(l, "informationFullNats"), "gaussian (probe split)"));
            }
            JsonNode target = m.get("targetSparsity");
            return new MethodResult(at.text(m, "method"), at.text(m, "setting"),
                    m.has("seed") ? at.whole(m, "seed") : comparisonSeed,
                    target == null || target.isNull() ? Double.NaN : at.number(m, "targetSparsity"),
                    at.plan(at.object(m, "plan")), new PlanSummary(widths, before, after), at.whole(m, "parameters"),
                    at.whole(m, "macs"), at.evaluation(m, "beforeFineTuning"), at.evaluation(m, "afterFineTuning"),
                    information, at.number(m, "planSeconds"), at.number(m, "fineTuneSeconds"));
        }

        PruningPlan plan(JsonNode p) {
            Map<String, int[]> kept = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object(p, "kept").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode units = e.getValue();
                if (!units.isArray()) {
                    throw bad("plan.kept." + e.getKey() + " must be an array of unit indices");
                }
                int[] idx = new int[units.size()];
                for (int k = 0; k < idx.length; k++) {
                    if (!units.get(k).canConvertToInt() || !units.get(k).isIntegralNumber()) {
                        throw bad("plan.kept." + e.getKey() + "[" + k + "] is not a unit index: " + units.get(k));
                    }
                    idx[k] = units.get(k).asInt();
                }
                kept.put(e.getKey(), idx);
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            p.path("settings").fields().forEachRemaining(e ->
                    settings.put(e.getKey(), ReportWriter.MAPPER.convertValue(e.getValue(), Object.class)));
            try {
                return new PruningPlan(text(p, "method"), settings, whole(p, "seed"), kept);
            } catch (IllegalArgumentException e) {
                throw bad("plan: " + e.getMessage());
            }
        }

        Evaluation evaluation(JsonNode parent, String field) {
            JsonNode e = object(parent, field);
            return new Evaluation(integer(e, "samples"), number(e, "accuracy"), number(e, "loss"));
        }

        JsonNode object(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || !n.isObject()) {
                throw bad("\"" + field + "\" must be an object");
            }
            return n;
        }

        JsonNode array(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || !n.isArray()) {
                throw bad("\"" + field + "\" must be an array");
            }
            return n;
        }

        String text(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || !n.isTextual()) {
                throw bad("\"" + field + "\" must be text");
            }
            return n.asText();
        }

        /** A number; NaN and infinities are written as text ("NaN": an evaluation on no samples). */
        double number(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n != null && n.isNumber()) {
                return n.asDouble();
            }
            if (n != null && n.isTextual() && java.util.Set.of("NaN", "Infinity", "-Infinity").contains(n.asText())) {
                return Double.parseDouble(n.asText());
            }
            throw bad("\"" + field + "\" must be a number");
        }

        long whole(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
                throw bad("\"" + field + "\" must be a whole number");
            }
            return n.asLong();
        }

        int integer(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
                throw bad("\"" + field + "\" must be a whole number");
            }
            return n.asInt();
        }

        BadInputException bad(String problem) {
            return new BadInputException(source, problem);
        }
    }
}
