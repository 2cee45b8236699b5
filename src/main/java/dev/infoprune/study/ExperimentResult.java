package dev.infoprune.study;

import dev.infoprune.engine.Evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Everything a comparison produced, immutable: the unpruned network's numbers, every method at every setting
 * (in the order run), and the conditions they shared.
 */
public record ExperimentResult(String model, String dataset, List<String> hiddenLayers, int[] hiddenWidths,
                               long parameters, long macs, Evaluation baseline, int probeSamples, int trainSamples,
                               int testSamples, int fineTuneEpochs, double learningRate, long seed,
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

    /** The settings in the order they were run ({@code own} first when present). */
    public List<String> settings() {
        return results.stream().map(MethodResult::setting).distinct().toList();
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
