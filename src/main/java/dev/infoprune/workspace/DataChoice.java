package dev.infoprune.workspace;

/**
 * The data set scores are computed on: what the user named (a bundled name, a CSV file or an IDX folder), the
 * seed of its splits and of the probe subset, and how many probe samples at most.
 */
public record DataChoice(String spec, long seed, int probeSamples) {
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_PROBE_SAMPLES = 2000;

    public DataChoice {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no data set named");
        }
        if (probeSamples < 1) {
            throw new IllegalArgumentException("probe samples must be positive, got " + probeSamples);
        }
    }

    public static DataChoice of(String spec) {
        return new DataChoice(spec, DEFAULT_SEED, DEFAULT_PROBE_SAMPLES);
    }
}
