package dev.infoprune.engine;

/**
 * How activation capture summarises a conv layer's feature maps. Dense layers always give one column per node.
 * <ul>
 *   <li>{@code SPATIAL_MEAN} (default): one column per filter, its map averaged over all positions.</li>
 *   <li>{@code POSITIONS}: {@code positions} positions of the map drawn once per layer with {@code seed}
 *       (the same positions for every sample and filter, ascending in row-major order);
 *       filter {@code f}'s value at the {@code j}-th drawn position is column {@code f * positions + j}.
 *       When the map has fewer positions than asked, all are taken.</li>
 *   <li>{@code RAW}: the whole map, channel-first as PyTorch flattens it: filter {@code f} at row {@code r},
 *       column {@code c} of an {@code h × w} map is column {@code (f * h + r) * w + c}.</li>
 * </ul>
 */
public record CaptureOptions(FilterSummary filters, int positions, long seed, int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 500;

    public enum FilterSummary { SPATIAL_MEAN, POSITIONS, RAW }

    public CaptureOptions {
        if (filters == FilterSummary.POSITIONS && positions < 1) {
            throw new IllegalArgumentException("capture needs at least one position per filter");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
    }

    public static CaptureOptions spatialMean() {
        return new CaptureOptions(FilterSummary.SPATIAL_MEAN, 0, 0, DEFAULT_BATCH_SIZE);
    }

    public static CaptureOptions positions(int count, long seed) {
        return new CaptureOptions(FilterSummary.POSITIONS, count, seed, DEFAULT_BATCH_SIZE);
    }

    public static CaptureOptions raw() {
        return new CaptureOptions(FilterSummary.RAW, 0, 0, DEFAULT_BATCH_SIZE);
    }

    public CaptureOptions withBatchSize(int size) {
        return new CaptureOptions(filters, positions, seed, size);
    }
}
