package dev.infoprune.study;

import dev.infoprune.engine.Evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Everything a comparison produced, immutable: the unpruned network's numbers, every method at every setting
 * (in the order run), and the conditions they shared. Two results are equal when every number, plan and text
 * is ({@link ExperimentResultJson} reads back exactly what it wrote).
 *
 * @param seeds  how many seeds every method ran with ({@code seed}, {@code seed + 1}, …); {@code results} holds every run
 * @param atInit whether every method pruned the re-initialised, untrained network, trained from scratch after
 * @param fineTuning the budget every pruned network was retrained with
 * @param origin the data set as given and the seed of its split; null when the splits were handed over as they are
 */
public record ExperimentResult(String model, String dataset, ExperimentSpec.Mode mode, List<String> hiddenLayers, int[] hiddenWidths,
                               long parameters, long macs, Evaluation baseline, int probeSamples, int trainSamples,
                               int testSamples, FineTuningBudget fineTuning, long seed, int seeds, boolean atInit,
                               SplitOrigin origin, List<MethodResult> results, double seconds) {
    public ExperimentResult {
        hiddenLayers = List.copyOf(hiddenLayers);
        hiddenWidths = hiddenWidths.clone();
        results = List.copyOf(results);
    }

    /** A result whose budget's schedule and source were not recorded. */
    public ExperimentResult(String model, String dataset, ExperimentSpec.Mode mode, List<String> hiddenLayers,
                            int[] hiddenWidths, long parameters, long macs, Evaluation baseline, int probeSamples,
                            int trainSamples, int testSamples, int fineTuneEpochs, double learningRate, long seed,
                            SplitOrigin origin, List<MethodResult> results, double seconds) {
        this(model, dataset, mode, hiddenLayers, hiddenWidths, parameters, macs, baseline, probeSamples, trainSamples,
                testSamples, FineTuningBudget.unrecorded(fineTuneEpochs, learningRate), seed, 1, false, origin, results, seconds);
    }

    public int fineTuneEpochs() {
        return fineTuning.epochs();
    }

    public double learningRate() {
        return fineTuning.learningRate();
    }

    @Override
    public int[] hiddenWidths() {
        return hiddenWidths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentResult r && model.equals(r.model) && dataset.equals(r.dataset) && mode == r.mode
                && hiddenLayers.equals(r.hiddenLayers) && java.util.Arrays.equals(hiddenWidths, r.hiddenWidths)
                && parameters == r.parameters && macs == r.macs && baseline.equals(r.baseline)
                && probeSamples == r.probeSamples && trainSamples == r.trainSamples && testSamples == r.testSamples
                && fineTuning.equals(r.fineTuning)
                && seed == r.seed && seeds == r.seeds && atInit == r.atInit && java.util.Objects.equals(origin, r.origin) && results.equals(r.results)
                && Double.compare(seconds, r.seconds) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(model, dataset, mode, hiddenLayers, java.util.Arrays.hashCode(hiddenWidths), parameters,
                macs, baseline, probeSamples, trainSamples, testSamples, fineTuning, seed, seeds, atInit, origin,
                results, seconds);
    }

    /** The runs of the first seed ({@link #seed}): all of them when the comparison ran with one seed. */
    public List<MethodResult> firstSeed() {
        return results.stream().filter(r -> r.seed() == seed).toList();
    }

    /**
     * The settings in the order they were run ({@code own}, or MIPP's confidences {@code x=…}, first when present), of
     * the first seed.
     */
    public List<String> settings() {
        return firstSeed().stream().map(MethodResult::setting).distinct().toList();
    }

    /**
     * Every method at every setting over the seeds, in the order first run. In a matched comparison the runs of a
     * sparsity-taking method, each at its own seed's reference sparsity, are one summary ({@link SeedSummary#MATCHED}).
     */
    public List<SeedSummary> summaries() {
        java.util.Map<List<String>, List<MethodResult>> runs = new java.util.LinkedHashMap<>();
        for (MethodResult m : results) {
            String setting = mode == ExperimentSpec.Mode.MATCH && !Experiment.sizedItself(m.setting())
                    ? SeedSummary.MATCHED : m.setting();
            runs.computeIfAbsent(List.of(m.method(), setting), k -> new java.util.ArrayList<>()).add(m);
        }
        return runs.entrySet().stream().map(e -> new SeedSummary(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    /**
     * The results shown together, of the first seed: in a matched comparison all of them (the reference method and
     * every method at its sparsity); otherwise one group per setting ({@code own} and each sparsity). Keys are titles.
     */
    public java.util.Map<String, List<MethodResult>> groups() {
        java.util.Map<String, List<MethodResult>> out = new java.util.LinkedHashMap<>();
        if (mode == ExperimentSpec.Mode.MATCH) {
            List<MethodResult> first = firstSeed();
            String s = first.size() > 1 ? first.get(1).setting() : "";
            out.put("at the reference method's sparsity" + (s.isEmpty() || Experiment.sizedItself(s) ? "" : " (" + s + ")"),
                    first);
            return out;
        }
        for (String setting : settings()) {
            out.put(Experiment.OWN.equals(setting) ? "own sparsity"
                    : Experiment.sizedItself(setting) ? "own sparsity at confidence " + setting
                    : "target sparsity " + setting, at(setting));
        }
        return out;
    }

    public List<String> methods() {
        return results.stream().map(MethodResult::method).distinct().toList();
    }

    /** The first seed's results at {@code setting}. */
    public List<MethodResult> at(String setting) {
        return firstSeed().stream().filter(r -> r.setting().equals(setting)).toList();
    }

    /** The first seed's result of {@code method} at {@code setting}. */
    public Optional<MethodResult> find(String method, String setting) {
        return firstSeed().stream().filter(r -> r.method().equals(method) && r.setting().equals(setting)).findFirst();
    }
}
