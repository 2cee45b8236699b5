package dev.infoprune.cli;

import picocli.CommandLine.Option;

/** {@code -e, --estimator E}: the information estimator. */
final class EstimatorOption {
    static final String DEFAULT = "gaussian";

    @Option(names = {"-e", "--estimator"}, paramLabel = "E",
            description = "Information estimator: gaussian, ksg, binned, renyi, hsic or predictive (mipp also reconstruction "
                    + "and ridge-cv). Default: gaussian for mi and scores; for a pruning method its estimator setting's "
                    + "default (mipp: reconstruction, the paper's).")
    String estimator;

    String name() {
        return estimator != null ? estimator : DEFAULT;
    }

    /** The estimator as given, or null: a method given none uses its own path to the default estimate. */
    String given() {
        return estimator;
    }
}
