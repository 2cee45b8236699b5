package dev.infoprune.data;

/**
 * The three disjoint parts of a data set: {@code train} fits the weights, {@code probe} is what activations
 * and information scores are computed on (and what pruning decisions see), {@code test} is only evaluated.
 */
public record Splits(Dataset train, Dataset probe, Dataset test) {
    public Dataset get(String part) {
        return switch (part) {
            case "train" -> train;
            case "probe" -> probe;
            case "test" -> test;
            default -> throw new IllegalArgumentException("unknown split \"" + part + "\" (train, probe or test)");
        };
    }
}
