package dev.infoprune.study;

import dev.infoprune.engine.Evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Everything a comparison produced, immutable: the unpruned network's numbers, every method at every setting
 * (in the order run), and the conditions they shared. Two results are equal when every number, plan and text
 * is ({@link ExperimentResultJson} reads back exactly what it wrote).
 *
 * @param origin the data set as given and the seed of its split; null when the splits were handed over as they are
 */
public record ExperimentResult(String model, String dataset, ExperimentSpec.Mode mode, List<String> hiddenLayers, int[] hiddenWidths,
                               long parameters, long macs, Evaluation baseline, int probeSamples, int trainSamples,
                               int testSamples, int fineTuneEpochs, double learningRate, long seed, SplitOrigin origin,
                               List<MethodResult> results, double seconds) {
    public ExperimentResult {
        hiddenLayers = List.copyOf(hiddenLayers);
        hiddenWidths = hiddenWidths.clone();
        results = List.copyOf(results);
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
                && fineTuneEpochs == r.fineTuneEpochs && Double.compare(learningRate, r.learningRate) == 0
                && seed == r.seed && java.util.Objects.equals(origin, r.origin) && results.equals(r.results)
                && Double.compare(seconds, r.seconds) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(model, dataset, mode, hiddenLayers, java.util.Arrays.hashCode(hiddenWidths), parameters,
                macs, baseline, probeSamples, trainSamples, testSamples, fineTuneEpochs, learningRate, seed, origin,
                results, seconds);
    }

    /** The settings in the order they were run ({@code own} first when present). */
    public List<String> settings() {
        return results.stream().map(MethodResult::setting).distinct().toList();
    }

    /**
     * The results shown together: in a matched comparison all of them (the reference method and every method
     * at its sparsity); otherwise one group per setting ({@code own} and each sparsity). Keys are titles.
     */
    public java.util.Map<String, List<MethodResult>> groups() {
        java.util.Map<String, List<MethodResult>> out = new java.util.LinkedHashMap<>();
        if (mode == ExperimentSpec.Mode.MATCH) {
            String s = results.size() > 1 ? results.get(1).setting() : "";
            out.put("at the reference method's sparsity" + (s.isEmpty() || s.equals(Experiment.OWN) ? "" : " (" + s + ")"),
                    results);
            return out;
        }
        for (String setting : settings()) {
            out.put(Experiment.OWN.equals(setting) ? "own sparsity" : "target sparsity " + setting, at(setting));
        }
        return out;
    }

    public List<String> methods() {
        return results.stream().map(MethodResult::method).distinct().toList();
    }

    public List<MethodResult> at(String setting) {
        return results.stream().filter(r -> r.setting().equals(setting)).toList();
    }

    public Optional<MethodResult> find(String method, String setting) {
        return results.stream().filter(r -> r.method().equals(method) && r.setting().equals(setting)).findFirst();
    }
}
