package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Splits;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.List;

/**
 * What to compare: a trained network, its data splits (probe for the pruning decisions, train for fine-tuning,
 * test for evaluation), the methods by name, and the sparsities the sparsity-taking methods run at.
 *
 * <p>{@link Mode#MATCH}: the self-sizing methods run first, and every sparsity-taking method runs at the
 * sparsity the reference method reached (MIPP when listed, else the first self-sizing method).
 * {@link Mode#FIXED} and {@link Mode#SWEEP}: the sparsity-taking methods run at each of {@code sparsities};
 * self-sizing methods run once at their own setting.
 *
 * <p>{@code seeds} runs every method that many times, with method and fine-tuning seeds {@code seed}, {@code seed + 1},
 * …, on the same splits.
 *
 * <p>{@code atInit}: prune at initialisation: for every seed the network is re-initialised with that seed
 * ({@link dev.infoprune.engine.Reinitialisation}), pruned untrained, and the pruned network trained from scratch.
 *
 * <p>{@code mippConfidences}: when not empty, MIPP runs once per confidence x (per seed), each a row of its own
 * ({@code x=0.8}), so that its runs spread over sparsity like a sweep; empty: once, at its settings' confidence.
 *
 * <p>{@code origin} (may be null) says which data set and split seed {@code data} was cut from; the result
 * records it so that the comparison can be reproduced.
 */
public record ExperimentSpec(Network model, Splits data, List<String> methods, Mode mode, double[] sparsities,
                             long seed, SplitOrigin origin, int seeds, boolean atInit,
                             double[] mippConfidences) {
    public enum Mode { MATCH, FIXED, SWEEP }

    public ExperimentSpec {
        methods = List.copyOf(methods);
        sparsities = sparsities.clone();
        mippConfidences = mippConfidences.clone();
        if (methods.isEmpty()) {
            throw new BadInputException("--methods", "name at least one pruning method");
        }
        if (seeds < 1) {
            throw new BadInputException("--seeds", "give at least one seed, got " + seeds);
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new BadInputException("--methods", "a method is listed twice: " + String.join(",", methods));
        }
        if (mode == Mode.MATCH && sparsities.length != 0) {
            throw new IllegalArgumentException("matching mode takes no sparsities");
        }
        if (mode != Mode.MATCH && sparsities.length == 0) {
            throw new BadInputException("--sparsity", "give at least one sparsity");
        }
        if (mode == Mode.MATCH && mippConfidences.length > 1) {
            throw new BadInputException("--mipp-confidences", "matching runs the others at the one sparsity MIPP reached, "
                    + "so give one confidence, or --sweep (or --sparsity) to set the others' sparsities");
        }
        if (Arrays.stream(mippConfidences).distinct().count() != mippConfidences.length) {
            throw new BadInputException("--mipp-confidences", "a confidence is listed twice");
        }
        for (double s : sparsities) {
            if (!(s >= 0 && s < 1)) {
                throw new BadInputException("--sparsity", "a sparsity is the share of hidden units removed, in [0, 1); got " + s);
            }
        }
    }

    public static ExperimentSpec matching(Network model, Splits data, List<String> methods, long seed) {
        return new ExperimentSpec(model, data, methods, Mode.MATCH, new double[0], seed, null, 1, false, new double[0]);
    }

    public static ExperimentSpec at(Network model, Splits data, List<String> methods, double sparsity, long seed) {
        return new ExperimentSpec(model, data, methods, Mode.FIXED, new double[] {sparsity}, seed, null, 1, false, new double[0]);
    }

    public static ExperimentSpec sweep(Network model, Splits data, List<String> methods, double[] sparsities, long seed) {
        double[] sorted = sparsities.clone();
        Arrays.sort(sorted);
        return new ExperimentSpec(model, data, methods, Mode.SWEEP, sorted, seed, null, 1, false, new double[0]);
    }

    /** The same comparison, recording that its splits were cut from {@code data} with {@code splitSeed}. */
    public ExperimentSpec withOrigin(String data, long splitSeed) {
        return new ExperimentSpec(model, this.data, methods, mode, sparsities, seed, new SplitOrigin(data, splitSeed), seeds, atInit,
                mippConfidences);
    }

    /** The same comparison run {@code count} times, with seeds {@code seed}, {@code seed + 1}, …. */
    public ExperimentSpec withSeeds(int count) {
        return new ExperimentSpec(model, data, methods, mode, sparsities, seed, origin, count, atInit, mippConfidences);
    }

    /** The same comparison pruning the re-initialised, untrained network of every seed, then training it from scratch. */
    public ExperimentSpec withAtInit() {
        return new ExperimentSpec(model, data, methods, mode, sparsities, seed, origin, seeds, true, mippConfidences);
    }

    /** The same comparison running MIPP once at each of {@code confidences} (in ascending order). */
    public ExperimentSpec withMippConfidences(double[] confidences) {
        double[] sorted = confidences.clone();
        Arrays.sort(sorted);
        return new ExperimentSpec(model, data, methods, mode, sparsities, seed, origin, seeds, atInit, sorted);
    }

    @Override
    public double[] mippConfidences() {
        return mippConfidences.clone();
    }

    @Override
    public double[] sparsities() {
        return sparsities.clone();
    }
}
