package dev.infoprune.data;

import java.util.SplittableRandom;

/**
 * The samples an estimator that wants many of them is fitted on, and which split they came from: the probe split
 * when it has at least {@code wanted} samples (its first {@code wanted}), otherwise the training split (a seeded
 * subset of {@code wanted} when it has more). MIPP's loss-based estimators want about 5,000 samples, as the paper
 * trains its estimator on 20 batches; the digits probe split has 359.
 *
 * @param data   the samples
 * @param source in words, e.g. "the training split (1079 samples; the probe split has 359)"
 */
public record SampleChoice(Dataset data, String source) {

    public static SampleChoice of(Dataset probe, Dataset train, int wanted, long seed) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted samples must be positive, got " + wanted);
        }
        if (probe.size() >= wanted || train.size() <= probe.size()) {
            Dataset d = probe.size() > wanted ? probe.head(wanted) : probe;
            return new SampleChoice(d, "the probe split (" + d.size() + " samples)");
        }
        Dataset d = train.size() > wanted ? train.subset(seededRows(train.size(), wanted, seed)) : train;
        return new SampleChoice(d, "the training split (" + d.size() + " samples; the probe split has " + probe.size() + ")");
    }

    /** {@code count} distinct rows of {@code n}, ascending, drawn with the seed. */
    public static int[] seededRows(int n, int count, long seed) {
        return SeededSubset.rows(n, count, new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL));
    }
}
