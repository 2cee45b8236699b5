package dev.infoprune.data;

import java.util.Arrays;
import java.util.List;

/**
 * Unlabelled numeric rows read from a CSV file (for example inputs to predict): {@code rows × cols} floats,
 * row-major, and the header's column names when the file had a header line (otherwise an empty list).
 */
public record NumericRows(String source, int rows, int cols, float[] values, List<String> header) {
    public NumericRows {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " rows need " + (long) rows * cols + " values");
        }
        header = List.copyOf(header);
    }

    public float[] row(int i) {
        return Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
    }
}
